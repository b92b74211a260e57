package io.github.schemadrift.cli;

import io.github.schemadrift.EntityClassPath;
import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.SchemaDriftInputException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command compares: the model's classes and the database (live, or embedded with migrations). */
abstract class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--classpath", paramLabel = "PATH[" + "${sys:path.separator}" + "PATH…]",
            description = "Directories and jars with the entity classes (and their own dependencies), separated by"
                    + " '${sys:path.separator}'.")
    String classpath;

    @Option(names = "--package", paramLabel = "NAME", description = "A package to scan for entities, with its"
            + " subpackages (repeatable).")
    List<String> packages = new ArrayList<>();

    @Option(names = "--entity", paramLabel = "CLASS", description = "An entity class (repeatable).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--property", paramLabel = "KEY=VALUE", description = "A Hibernate setting, e.g."
            + " hibernate.physical_naming_strategy=… (repeatable).")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--url", paramLabel = "JDBC_URL", description = "A live database, e.g."
            + " jdbc:postgresql://localhost:5432/app. It is only read.")
    String url;

    @Option(names = "--user", paramLabel = "U", description = "The database user.")
    String user;

    @Option(names = "--password", paramLabel = "P", description = "The user's password; prefer --password-env.")
    String password;

    @Option(names = "--password-env", paramLabel = "VAR", description = "An environment variable holding the password.")
    String passwordEnv;

    @Option(names = "--migrations", paramLabel = "DIR|LOCATION", description = "Start an embedded PostgreSQL and apply"
            + " these migrations first: Flyway naming (V1__x.sql…) via Flyway; otherwise every *.sql in lexical order."
            + " A directory, filesystem:DIR or classpath:FOLDER.")
    String migrations;

    @Option(names = "--schema", paramLabel = "NAME", description = "The default schema (default: the connection's"
            + " current schema).")
    String schema;

    @Option(names = "--debug", description = "Show stack traces and library logging on errors.")
    boolean debug;

    private Consumer<String> progress = step -> { };

    /** @param listener receives a line before each long step */
    void progress(Consumer<String> listener) {
        this.progress = listener;
    }

    /**
     * Builds the check from the options: the model is read here (offline), the database at {@code detect()}.
     *
     * @return the check; closing it stops an embedded PostgreSQL it started
     */
    SchemaDrift load() {
        if (packages.isEmpty() && entities.isEmpty()) {
            throw new SchemaDriftInputException("No entities named. Pass --package NAME or --entity CLASS, with"
                    + " --classpath naming the directories or jars that hold those classes.");
        }
        // the facade refuses these too; here the message names the command-line options
        if (url == null && migrations == null) {
            throw new SchemaDriftInputException("No database given. Pass --url JDBC_URL (with --user and"
                    + " --password-env) for a live database, or --migrations DIR to apply migrations to an embedded"
                    + " PostgreSQL and check that.");
        }
        if (url != null && migrations != null) {
            throw new SchemaDriftInputException("--url and --migrations exclude each other: migrations are only applied"
                    + " to an embedded PostgreSQL, never to a live database. Pass one of them.");
        }
        if (password != null && passwordEnv != null) {
            throw new SchemaDriftInputException("--password and --password-env exclude each other. Pass one of them.");
        }
        ClassLoader loader = classLoader();
        SchemaDrift.Configuration configuration = SchemaDrift.configure()
                .classLoader(loader)
                .packages(packages.toArray(String[]::new))
                .entities(entityClasses(loader).toArray(Class<?>[]::new))
                .hibernateProperties(properties)
                .defaultSchema(schema)
                .progress(progress);
        if (url != null) {
            configuration.url(url, user, password());
        } else {
            configuration.migrations(migrations);
        }
        progress.accept("Building the Hibernate model…");
        return configuration.load();
    }

    private String password() {
        if (passwordEnv == null) {
            return password;
        }
        String value = System.getenv(passwordEnv);
        if (value == null) {
            throw new SchemaDriftInputException("The environment variable " + passwordEnv + " named by --password-env"
                    + " is not set. Export it with the database password, or leave --password-env out.");
        }
        return value;
    }

    /**
     * The entity classes' loader: the {@code --classpath} entries over the CLI's own classes, which bring
     * Hibernate and the JPA annotations. Also the thread's context loader, where Hibernate looks up some classes.
     */
    private ClassLoader classLoader() {
        ClassLoader parent = DriftCommand.class.getClassLoader();
        if (classpath == null || classpath.isBlank()) {
            return parent;
        }
        List<URL> urls = new ArrayList<>();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                throw new SchemaDriftInputException("The --classpath entry " + path + " does not exist. Check the path"
                        + " (relative paths start at the working directory, " + Path.of("").toAbsolutePath()
                        + "); build the project first if it is a build output.");
            }
            try {
                urls.add(path.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new SchemaDriftInputException("The --classpath entry " + path + " is not a usable path: " + e, e);
            }
        }
        ClassLoader loader = new EntityClassPath("--classpath " + classpath, urls.toArray(URL[]::new), parent);
        Thread.currentThread().setContextClassLoader(loader);
        return loader;
    }

    private List<Class<?>> entityClasses(ClassLoader loader) {
        return EntityClassPath.loadClasses(entities, loader,
                classpath == null ? "the class path (no --classpath given)" : "--classpath " + classpath,
                "Check the class name and that --classpath names the directory or jar holding it and its dependencies.");
    }
}
