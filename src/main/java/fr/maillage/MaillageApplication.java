package fr.maillage;

import java.time.Clock;
import java.util.Arrays;

import fr.maillage.backup.BackupCommand;
import fr.maillage.database.DatabaseServer;
import fr.maillage.database.EmbeddedNeo4jEarlyStart;
import fr.maillage.imports.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
public class MaillageApplication {

    public static void main(String[] args) {
        if (DatabaseServer.requested(args)) {
            // Neo4j alone, as a server for the service (docs/operations.md): Spring does not start
            int status = DatabaseServer.run(args, System.getenv(), System.out, System.err);
            if (status != 0) {
                System.exit(status);
            }
            return;
        }
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
        if (BackupCommand.requested(args)) {
            // Backup or restore: no web server, and lazy beans, so that the start applies the migrations but loads
            // neither the territories nor the demo (a restore needs an empty store)
            if (BackupCommand.checkArguments(args, System.out) != BackupCommand.OK) {
                System.exit(BackupCommand.FAILED);
            }
            application.setWebApplicationType(WebApplicationType.NONE);
            application.setLazyInitialization(true);
            System.exit(SpringApplication.exit(application.run(args)));
        }
        // the service: its in-process database starts on a thread of its own while Spring builds the rest
        application.addListeners(new EmbeddedNeo4jEarlyStart());
        application.run(args);
    }

    /**
     * The one clock of the service: "today" for running contracts, deadlines, the dates of exports. Its zone is the
     * JVM's (run the service with {@code TZ=Europe/Paris}); tests replace it to replay a day of the past.
     */
    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    /** {@code --import=<kind>} on the command line runs an import instead of the service. */
    static boolean importRequested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--import") || arg.startsWith("--import="));
    }
}
