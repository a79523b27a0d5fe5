package fr.maillage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of Maillage, each a top-level package under {@code fr.maillage}: each declares the modules it may use
 * ({@code package-info.java}), exposes the public types of its base package and keeps the rest package-private. The
 * verification fails on a cycle, on a use not declared and on a reach into another module's internals.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(MaillageApplication.class);

    @Test
    void modulesUseEachOtherOnlyThroughTheirDeclaredApi() {
        MODULES.verify();
    }

    @Test
    void aBackDoorFailsTheVerification() {
        // the main classes, and one test class that uses a module it may not: territories -> network
        ImportOption mainAndBackDoor = location -> !location.contains("/test-classes/")
                || location.contains("BackDoorIntoNetwork");
        var withBackDoor = ApplicationModules.of(MaillageApplication.class, mainAndBackDoor);

        assertThatThrownBy(withBackDoor::verify).isInstanceOf(Violations.class)
                .hasMessageContaining("Module 'territories' depends on module 'network'")
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void writesTheModuleDocumentation() throws Exception {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules")).writeDocumentation();
        try (var files = Files.list(Path.of("docs/modules"))) {
            for (var puml : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                Files.write(puml, inStableOrder(Files.readAllLines(puml)));
            }
        }
        Files.writeString(Path.of("docs/modules/modules.md"), mermaid());
        assertThat(Path.of("docs/modules/components.puml")).exists();
    }

    /**
     * The diagram's elements and relations sorted: the Documenter writes them in hash order, and the files under
     * docs/ should change only when the modules do.
     */
    private static List<String> inStableOrder(List<String> lines) {
        var sorted = new ArrayList<String>();
        var run = new ArrayList<String>();
        for (var line : lines) {
            var element = line.strip().startsWith("Rel(") || line.strip().startsWith("Component(");
            if (element && (run.isEmpty() || prefix(run.get(0)).equals(prefix(line)))) {
                run.add(line);
                continue;
            }
            run.sort(null);
            sorted.addAll(run);
            run.clear();
            if (element) {
                run.add(line);
            } else {
                sorted.add(line);
            }
        }
        run.sort(null);
        sorted.addAll(run);
        return sorted;
    }

    private static String prefix(String line) {
        return line.strip().substring(0, line.strip().indexOf('('));
    }

    /** The modules and their uses as a Mermaid graph, which the forge draws where docs/architecture.md shows it. */
    private static String mermaid() {
        var graph = new StringBuilder("""
                # The modules of Maillage

                Written by `ModularityTests` from the code: an arrow is a use (types or beans) of another module's API.

                ```mermaid
                flowchart TD
                """);
        MODULES.stream().sorted((a, b) -> a.getIdentifier().toString().compareTo(b.getIdentifier().toString()))
                .forEach(module -> graph.append(dependencies(module)));
        return graph.append("```\n").toString();
    }

    private static String dependencies(ApplicationModule module) {
        var used = module.getDirectDependencies(MODULES, DependencyType.values()).uniqueModules()
                .map(other -> other.getIdentifier().toString()).sorted().distinct()
                .map(other -> "  " + module.getIdentifier() + " --> " + other + "\n").collect(Collectors.joining());
        return used.isEmpty() ? "  " + module.getIdentifier() + "\n" : used;
    }
}
