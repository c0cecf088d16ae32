package dev.pipelineharness.local.postgres;

import dev.pipelineharness.api.JdbcEndpoint;
import dev.pipelineharness.api.Secret;
import dev.pipelineharness.topology.support.BoundedWait;
import dev.pipelineharness.local.process.Directories;
import dev.pipelineharness.local.process.FreePorts;
import dev.pipelineharness.local.process.ManagedProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 17 server (zonky's embedded binaries) configured for Debezium: logical WAL,
 * enough replication slots for one connector per scenario, and durable commits, listening on the
 * loopback interface on an ephemeral port. What a server writes stays under its work directory:
 * {@code zonky/} (zonky's scratch folder) and {@code data/} (created afresh by {@link #start},
 * kept by {@link #restart}). What every server reads, PostgreSQL unpacked and a cleanly shut down
 * cluster made by initdb to copy, is prepared once per machine ({@link PostgresBinaries}).
 *
 * <p>As root, zonky runs initdb, pg_ctl and postgres inside {@code unshare -U}, which PostgreSQL
 * accepts (it refuses to run as uid 0 otherwise).
 */
public final class PostgresServer implements AutoCloseable {

    /** The database every endpoint points at. */
    public static final String DATABASE = "postgres";
    /** The superuser zonky's initdb creates; Debezium needs REPLICATION, which it has. */
    public static final String USER = "postgres";

    private static final String HOST = "127.0.0.1";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    /** zonky reads its scratch folder from this system property when a builder is created. */
    private static final String ZONKY_WORKING_DIR = "ot.epg.working-dir";
    private static final Object ZONKY_BUILDER_LOCK = new Object();
    /** zonky's lock file in a data directory; a copied template must not carry it. */
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    /** A clean cluster made by initdb, beside the binaries, that each server's data directory starts as. */
    private static final String CLUSTER_TEMPLATE = "cluster-template-pg17";
    /**
     * How long a restart's fast shutdown may wait for replication clients before it turns immediate:
     * Debezium confirmed within 5 s here; one that never does must not hold a restart for ever.
     */
    static final Duration FAST_SHUTDOWN_GRACE = Duration.ofSeconds(20);

    /**
     * At the end of a run nothing waits for the replication clients (Connect is stopped before
     * PostgreSQL), so a close turns immediate sooner, as zonky's own stop did ({@code pg_ctl -t 5}).
     */
    private static final Duration CLOSE_FAST_SHUTDOWN_GRACE = Duration.ofSeconds(5);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Path workDir;
    private final Path binariesDir;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Secret password;
    private EmbeddedPostgres postgres;
    private ManagedProcess reaper;

    private PostgresServer(Path workDir, Path binariesDir, Path logFile, int port, Secret password) {
        this.workDir = workDir;
        this.binariesDir = binariesDir;
        this.dataDir = workDir.resolve("data");
        this.logFile = logFile;
        this.port = port;
        this.password = password;
    }

    /**
     * Initialises a fresh data directory under {@code workDir} and starts the server; returns once a
     * JDBC connection succeeds.
     *
     * @param logFile where initdb, pg_ctl and the server write (appended)
     */
    public static PostgresServer start(Path workDir, Path logFile, Duration timeout) {
        return start(workDir, PostgresBinaries.machineCache(), logFile, timeout);
    }

    /**
     * As {@link #start(Path, Path, Duration)}, with the PostgreSQL binaries prepared in (or reused
     * from) a folder under {@code binariesRoot} rather than the machine's cache.
     */
    public static PostgresServer start(Path workDir, Path binariesRoot, Path logFile, Duration timeout) {
        Path absoluteLog = logFile.toAbsolutePath();
        Path binaries = PostgresBinaries.ready(binariesRoot.toAbsolutePath(), timeout,
                folder -> makeClusterTemplate(folder, workDir.toAbsolutePath(), absoluteLog, timeout));
        PostgresServer server = new PostgresServer(workDir.toAbsolutePath(), binaries, absoluteLog,
                FreePorts.pick(), Secret.of(randomPassword()));
        try {
            Directories.deleteRecursively(server.dataDir, "the old PostgreSQL data directory");
            server.copyClusterTemplate();
            server.launch(timeout);
            server.reaper = PostmasterReaper.start(server.dataDir, server.workDir, server.logFile);
            server.setPassword();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** How clients reach the database; the password is only checked if pg_hba is tightened later. */
    public JdbcEndpoint jdbcEndpoint() {
        String url = "jdbc:postgresql://" + HOST + ":" + port + "/" + DATABASE;
        return new JdbcEndpoint(url, HOST, port, DATABASE, USER, password);
    }

    public int port() {
        return port;
    }

    /** The postmaster's pid, from {@code postmaster.pid} (zonky's own process handle is pg_ctl's). */
    public long pid() {
        return PostmasterPid.read(dataDir);
    }

    /** The data directory (kept across {@link #kill()} and {@link #restart(Duration)}). */
    public Path dataDirectory() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * SIGKILL to the postmaster, as in a crash: no checkpoint, no clean shutdown. Returns once the
     * postmaster and its backends are gone, so that a {@link #restart(Duration)} can reuse the data
     * directory and shared memory.
     */
    public void kill() {
        PostmasterPid.killAndAwait(dataDir, Duration.ofSeconds(15));
    }

    /**
     * Starts the server again on the same data directory and port (after {@link #kill()}: with crash
     * recovery; while running: after a fast shutdown). Returns once a JDBC connection succeeds.
     */
    public synchronized void restart(Duration timeout) {
        long start = System.nanoTime();
        // waits for a running server to be gone first: zonky's stop may return while replication
        // clients (Debezium) still delay the shutdown, and a start beside it fails
        String stopped = PostmasterPid.stopAndAwait(dataDir, timeout, FAST_SHUTDOWN_GRACE, step -> logStep("restart", step));
        logStep("restart", "stopped (" + stopped + "); starting again on " + dataDir + ", port " + port);
        releaseZonky();
        launch(timeout);
        logStep("restart", "restarted, accepting JDBC connections, " + (System.nanoTime() - start) / 1_000_000 + " ms after the stop began");
    }

    /** One line in the server's log, so its story (stop, start) reads in one place; the log is best effort. */
    private void logStep(String what, String step) {
        String line = "pipeline-harness: postgres " + what + ": " + step;
        try {
            Files.writeString(logFile, java.time.Instant.now() + " " + line + System.lineSeparator(),
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.println(line + " (cannot write " + logFile + ": " + e + ")");
        }
    }

    /** {@code CREATE SCHEMA IF NOT EXISTS}, for one scenario's namespace. */
    public void createSchema(String schema) {
        execute("CREATE SCHEMA IF NOT EXISTS \"" + identifier(schema) + "\"");
    }

    /** {@code DROP SCHEMA IF EXISTS ... CASCADE}: a scenario's tables go with it. */
    public void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS \"" + identifier(schema) + "\" CASCADE");
    }

    /** A new connection as the superuser; the caller closes it. */
    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcEndpoint().url(), USER, password.reveal());
    }

    /** Stops the server (fast shutdown); the data directory stays for the caller's clean-up. */
    @Override
    public synchronized void close() {
        try {
            // the stop that counts, as in restart: zonky's own (in releaseZonky) gives up after 5 s and only logs it
            logStep("close", "stopped (" + PostmasterPid.stopAndAwait(dataDir, CLOSE_TIMEOUT, CLOSE_FAST_SHUTDOWN_GRACE,
                    step -> logStep("close", step)) + ")");
        } finally {
            closeZonkyAndReaper();
        }
    }

    private void closeZonkyAndReaper() {
        try {
            releaseZonky();
        } finally {
            if (reaper != null) {
                reaper.close();
            }
        }
    }

    @Override
    public String toString() {
        return "postgres on " + HOST + ":" + port + " (" + dataDir + ")";
    }

    private synchronized void launch(Duration timeout) {
        try {
            postgres = startZonky(dataDir, port, timeout);
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start within " + timeout.toSeconds() + " s on port "
                    + port + " (data " + dataDir + "); see " + logFile, e);
        }
        awaitReady(timeout);
    }

    /** Waits until a JDBC connection runs {@code SELECT 1}. */
    public void awaitReady(Duration timeout) {
        BoundedWait.until("PostgreSQL on port " + port + " to accept a JDBC connection", timeout, null, () -> {
            try (Connection connection = connect(); Statement statement = connection.createStatement()) {
                return statement.execute("SELECT 1");
            }
        });
    }

    /** zonky: initdb if {@code data} has no cluster yet, then pg_ctl start; returns once SELECT 1 works. */
    private EmbeddedPostgres startZonky(Path data, int serverPort, Duration timeout) throws IOException {
        return startZonky(binariesDir, workDir, logFile, data, serverPort, timeout);
    }

    private static EmbeddedPostgres startZonky(Path binariesDir, Path workDir, Path logFile, Path data, int serverPort,
            Duration timeout) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(logFile.getParent());
        EmbeddedPostgres.Builder builder = newBuilder(workDir.resolve("zonky"));
        builder.setOverrideWorkingDirectory(binariesDir.toFile())
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(serverPort)
                .setPGStartupWait(timeout)
                .setOutputRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(java.lang.ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        serverSettings().forEach(builder::setServerConfig);
        return builder.start();
    }

    /**
     * Prepares a binaries folder ({@link PostgresBinaries}): zonky unpacks PostgreSQL into it on the way
     * to initdb and a first start of a new cluster, which is shut down cleanly and kept as the template
     * every server's data directory is copied from.
     */
    private static void makeClusterTemplate(Path folder, Path workDir, Path logFile, Duration timeout) throws IOException {
        Path template = folder.resolve(CLUSTER_TEMPLATE);
        startZonky(folder, workDir, logFile, template, FreePorts.pick(), timeout).close();
        Files.deleteIfExists(template.resolve(ZONKY_LOCK_FILE));
    }

    /**
     * Fills the empty data directory with a copy of the freshly initialised cluster kept beside the
     * binaries. initdb takes 3-8 s on a busy machine (it fsyncs every file); the copy takes a fraction
     * of a second.
     */
    private void copyClusterTemplate() {
        Path template = binariesDir.resolve(CLUSTER_TEMPLATE);
        try {
            copyRecursively(template, dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot prepare the PostgreSQL data directory " + dataDir + " from "
                    + template + "; see " + logFile, e);
        }
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (var paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                // Permissions matter: PostgreSQL refuses a data directory readable by others.
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /**
     * Settings passed on the postgres command line ({@code -c}), so they hold on every start,
     * including after crash recovery.
     */
    static Map<String, String> serverSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("listen_addresses", HOST);
        // No Unix socket: its default folder (/tmp or /var/run/postgresql) is outside our tree.
        settings.put("unix_socket_directories", "''");
        settings.put("wal_level", "logical");
        // One Debezium connector (slot + WAL sender) per scenario, scenarios may run in parallel.
        settings.put("max_replication_slots", "32");
        settings.put("max_wal_senders", "32");
        // zonky turns this off; a commit acknowledged to the generator must survive kill -9.
        settings.put("synchronous_commit", "on");
        settings.put("max_connections", "200");
        // A dropped connector's slot must not pin WAL forever on a long run.
        settings.put("max_slot_wal_keep_size", "1GB");
        return settings;
    }

    private static EmbeddedPostgres.Builder newBuilder(Path zonkyScratch) throws IOException {
        Files.createDirectories(zonkyScratch);
        // The builder captures this property when it is created; restore it so other code is unaffected.
        synchronized (ZONKY_BUILDER_LOCK) {
            String previous = System.getProperty(ZONKY_WORKING_DIR);
            System.setProperty(ZONKY_WORKING_DIR, zonkyScratch.toString());
            try {
                return EmbeddedPostgres.builder();
            } finally {
                if (previous == null) {
                    System.clearProperty(ZONKY_WORKING_DIR);
                } else {
                    System.setProperty(ZONKY_WORKING_DIR, previous);
                }
            }
        }
    }

    private void setPassword() {
        // Trust authentication ignores it today; setting it keeps the endpoint honest if pg_hba changes.
        execute("ALTER USER " + USER + " PASSWORD '" + password.reveal() + "'");
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on port " + port + " failed to run: "
                    + sql.replace(password.reveal(), password.toString()) + ": " + e.getMessage(), e);
        }
    }

    private static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain PostgreSQL identifier (letters, digits, _; max 63): '"
                    + name + "'");
        }
        return name;
    }

    private void releaseZonky() {
        if (postgres != null) {
            try {
                // Releases zonky's lock file. Its pg_ctl stop fails on a server that is already gone (after
                // kill, or the stop in restart) and zonky logs that as an ERROR: the tests' logging turns it off.
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop " + this, e);
            } finally {
                postgres = null;
            }
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
