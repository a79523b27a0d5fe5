package fr.maillage;

import java.util.Arrays;

import fr.maillage.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class MaillageApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(MaillageApplication.class);
        if (importRequested(args)) {
            // Command-line import: no web server; the exit status tells how the import went. Arguments are checked
            // before the database starts.
            if (ImportCommand.checkArguments(args, System.out) != ImportCommand.OK) {
                System.exit(ImportCommand.FAILED);
            }
            application.setWebApplicationType(WebApplicationType.NONE);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        application.run(args);
    }

    /** {@code --import=<kind>} on the command line runs an import instead of the service. */
    static boolean importRequested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--import") || arg.startsWith("--import="));
    }
}
