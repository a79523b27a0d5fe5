package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;

/**
 * Every statement the test suite sent while serving a request (recorded by {@link StatementRecorder} under
 * target/cypher-statements, during the unit tests that run before this one) is anchored on an index or a constraint:
 * its plan, read with EXPLAIN on a store with the schema, holds no scan of all nodes nor of every node of an actor or
 * territory label, unless listed below with its reason.
 */
class StatementPlansIT extends IntegrationTest {

    static final Path RECORDED = Path.of("target", "cypher-statements");

    /** The labels whose every node a request must never read one by one. */
    static final Set<String> WATCHED = Set.of("Employer", "Adviser", "Coordinator", "Hub", "Place", "Partner",
            "Governance", "Activity", "CoordinatorApplication", "ApplicationEvent", "AuditEvent", "Region",
            "Department", "Epci", "Commune", "FormerCommune", "Prefecture", "Sgar");

    /** Scans allowed, by a fragment of their statement, and why. */
    static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("MATCH (r:Region) RETURN sum(r.population) AS francePopulation",
                    "France's population: the 26 regions, whatever the size of the network"),
            Map.entry("RETURN base, coverage, row AS france",
                    "France's coverage figures computed from scratch (all communes, coordinators, places): to be kept"
                            + " figures"),
            // national lists, asked without a territory, with a filter: counted by reading each actor (their pages
            // are read in name order from an index, and without a filter they are counted by the database's count).
            // A fragment excuses its whole statement: ListPaginationTests holds the page of these to the index.
            Map.entry("MATCH (n:Place) WHERE true AND ($service",
                    "the places of all France with a service asked, counted (or exported whole)"),
            Map.entry("MATCH (n:Employer) WHERE true AND ($sector",
                    "the employers of all France with a sector or legal kind asked, counted (or exported whole)"),
            Map.entry("MATCH (n:Partner) WHERE true AND ($kinds",
                    "the partners of all France with kinds asked, counted (or exported whole)"),
            Map.entry("MATCH (n:Place) WHERE true\n  MATCH (a:Adviser)-[:WORKS_AT]->(n)",
                    "the advisers of all France, ordered by id: each read (to anchor: an ordered scan of the ids)"),
            Map.entry("WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode)",
                    "ANCT's national list of applications (a few thousand at most)"),
            Map.entry("CALL () { MATCH (x:Commune) RETURN count(x) AS total }",
                    "the communes of all France by code, counted and paged"),
            Map.entry("CALL () { MATCH (x:Region) RETURN count(x) AS total }", "the 26 regions, counted and paged"),
            Map.entry("MATCH (h:Hub) WHERE $region IS NULL", "the hubs of all France (a few dozen), ordered by name"));

    /** A scan found, with the first lines of its statement to find it in the code. */
    record Scan(String statement, String operator) {

        @Override
        public String toString() {
            return operator + " in:\n    " + String.join("\n    ", statement.lines().limit(4).toList());
        }
    }

    @Test
    void everyStatementOfARequestIsAnchoredOnAnIndex() throws IOException {
        var statements = recorded();
        assertThat(statements).as("statements recorded by the unit tests under %s: run them first (mvn verify)",
                RECORDED).hasSizeGreaterThan(50);
        var scans = new TreeSet<String>();
        var allowed = new TreeSet<String>();
        for (var statement : statements) {
            for (var operator : scans(explain(statement))) {
                var reason = ALLOWED.entrySet().stream().filter(e -> statement.contains(e.getKey()))
                        .map(Map.Entry::getValue).findFirst();
                if (reason.isPresent()) {
                    allowed.add(operator + " (" + reason.get() + ")");
                } else {
                    scans.add(new Scan(statement, operator).toString());
                }
            }
        }
        System.out.printf("Statement plans: %d statements of requests read, %d allowed scans %s%n", statements.size(),
                allowed.size(), allowed);
        assertThat(scans).as("statements scanning an actor or territory label").isEmpty();
    }

    static Set<String> recorded() throws IOException {
        var statements = new TreeSet<String>();
        if (!Files.isDirectory(RECORDED)) {
            return statements;
        }
        try (Stream<Path> files = Files.list(RECORDED)) {
            for (var file : files.filter(f -> f.toString().endsWith(".cypher")).toList()) {
                for (var statement : Files.readString(file, StandardCharsets.UTF_8).split(StatementRecorder.SEPARATOR)) {
                    if (!statement.isBlank()) {
                        statements.add(statement);
                    }
                }
            }
        }
        return statements;
    }

    Plan explain(String statement) {
        try (var session = driver.session()) {
            return session.run("EXPLAIN " + statement).consume().plan();
        }
    }

    /** The scans of a watched label, or of all nodes, in a plan: "NodeByLabelScan x:Employer". */
    static List<String> scans(Plan plan) {
        var found = new ArrayList<String>();
        var operator = plan.operatorType().replaceAll("@.*", "");
        var details = String.valueOf(plan.arguments().get("Details")).replace("\"", "");
        if (operator.equals("AllNodesScan")) {
            found.add(operator + " " + details);
        } else if (operator.equals("NodeByLabelScan") && WATCHED.stream()
                .anyMatch(label -> details.matches(".*:" + label + "\\b.*"))) {
            found.add(operator + " " + details);
        }
        plan.children().forEach(child -> found.addAll(scans(child)));
        return found;
    }
}
