package fr.maillage.database;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.io.ByteUnit;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code java -jar maillage.jar --database-server [--store=DIR] [--bolt-address=HOST:PORT]
 * [--transaction-timeout=30s] [--page-cache=512m]}: the service's Neo4j engine as a server process of its own, with
 * authentication, for tests and local use without Docker. The password of the user {@code neo4j} comes from
 * {@code NEO4J_PASSWORD}, the variable the service reads to connect. It prints one line when Bolt accepts
 * connections, and stops the database cleanly on SIGTERM so that the next start needs no recovery. Spring does not
 * start in this mode.
 */
public final class DatabaseServer {

    public static final String OPTION = "--database-server";
    /** The line a supervisor (or a test) waits for; the Bolt URI follows it. */
    public static final String READY = "Neo4j server ready: ";
    static final int MINIMUM_PASSWORD_LENGTH = 8;

    private DatabaseServer() {
    }

    /** {@code --database-server} on the command line runs the database server instead of the service. */
    public static boolean requested(String[] args) {
        return Arrays.asList(args).contains(OPTION);
    }

    /**
     * Checks the arguments and the password, starts the database and serves until SIGTERM. Returns 1, with the reason
     * printed on {@code err}, when nothing was started.
     */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        Settings settings;
        try {
            settings = Settings.parse(args, environment.get("NEO4J_PASSWORD"));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println("Usage : NEO4J_PASSWORD=... java -jar maillage.jar " + OPTION + " [--store=data/neo4j-server]"
                    + " [--bolt-address=127.0.0.1:7687] [--transaction-timeout=30s] [--page-cache=512m]");
            return 1;
        }
        try {
            Files.createDirectories(settings.store());
        } catch (IOException e) {
            err.println("Impossible de créer le répertoire de la base " + settings.store() + " : " + e.getMessage());
            return 1;
        }
        if (!isLoopback(settings.bolt().getHostname())) {
            // the Bolt connector has no TLS here: the password and the data cross that network in clear
            err.println("Attention : Bolt écoute sur " + settings.bolt() + " sans TLS ; le mot de passe et les données"
                    + " y passent en clair. Gardez-le sur la boucle locale (127.0.0.1) ou un réseau privé.");
        }
        var management = EmbeddedNeo4j.builder(settings.store(), settings.bolt(), settings.pageCache(),
                settings.transactionTimeout()).setConfig(GraphDatabaseSettings.auth_enabled, true).build();
        var stopped = new CountDownLatch(1);
        // SIGTERM (and Ctrl-C): the database checkpoints and closes its store, so the next start has nothing to recover
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Neo4j server stopping (store " + settings.store() + ")");
            management.shutdown();
            out.println("Neo4j server stopped cleanly (store " + settings.store() + ")");
            stopped.countDown();
        }, "neo4j-server-shutdown"));
        try {
            setPassword(management, settings.password());
        } catch (RuntimeException e) {
            err.println("Impossible de définir le mot de passe de neo4j : " + e.getMessage());
            management.shutdown();
            return 1;
        }
        out.println(READY + "bolt://" + settings.bolt() + " (store " + settings.store() + ", pid "
                + ProcessHandle.current().pid() + ")");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }

    /**
     * The password of {@code neo4j}, set on every start so that the environment decides it. Neo4j refuses to set a
     * password to its current value, which is then already right.
     */
    private static void setPassword(DatabaseManagementService management, String password) {
        try {
            management.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    record Settings(Path store, SocketAddress bolt, Duration transactionTimeout, String pageCache, String password) {

        static Settings parse(String[] args, String password) {
            var store = Path.of("data", "neo4j-server");
            var bolt = new SocketAddress("127.0.0.1", 7687);
            var transactionTimeout = Duration.ofSeconds(30);
            var pageCache = "512m";
            for (var arg : args) {
                if (arg.equals(OPTION)) {
                    continue;
                }
                int equals = arg.indexOf('=');
                var name = equals < 0 ? arg : arg.substring(0, equals);
                var value = equals < 0 ? "" : arg.substring(equals + 1).trim();
                if (equals < 0 || value.isEmpty()) {
                    throw new IllegalArgumentException("Argument sans valeur : « " + arg + " »");
                }
                switch (name) {
                    case "--store" -> store = Path.of(value);
                    case "--bolt-address" -> bolt = address(value);
                    case "--transaction-timeout" -> transactionTimeout = duration(value);
                    case "--page-cache" -> pageCache = byteSize(value);
                    default -> throw new IllegalArgumentException("Argument inconnu : « " + arg + " »");
                }
            }
            if (password == null || password.isBlank()) {
                throw new IllegalArgumentException("NEO4J_PASSWORD manque : c'est le mot de passe de l'utilisateur"
                        + " neo4j, que le service donne aussi pour se connecter.");
            }
            if (password.length() < MINIMUM_PASSWORD_LENGTH) {
                throw new IllegalArgumentException("NEO4J_PASSWORD est trop court : " + password.length()
                        + " caractères, il en faut au moins " + MINIMUM_PASSWORD_LENGTH + ".");
            }
            return new Settings(store.toAbsolutePath(), bolt, transactionTimeout, pageCache, password);
        }

        private static SocketAddress address(String value) {
            int colon = value.lastIndexOf(':');
            var host = colon < 0 ? "" : value.substring(0, colon);
            int port = -1;
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                // told below
            }
            if (host.isBlank() || port < 1 || port > 65535) {
                throw new IllegalArgumentException("--bolt-address attend hôte:port (par exemple 127.0.0.1:7687),"
                        + " pas « " + value + " »");
            }
            return new SocketAddress(host, port);
        }

        private static Duration duration(String value) {
            try {
                var duration = DurationStyle.detectAndParse(value);
                if (!duration.isNegative() && !duration.isZero()) {
                    return duration;
                }
            } catch (IllegalArgumentException e) {
                // told below
            }
            throw new IllegalArgumentException("--transaction-timeout attend une durée positive (par exemple 30s ou"
                    + " 5m), pas « " + value + " »");
        }

        private static String byteSize(String value) {
            try {
                ByteUnit.parse(value);
                return value;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--page-cache attend une taille (par exemple 512m ou 2g), pas « "
                        + value + " »");
            }
        }
    }
}
