package io.github.schemadrift.maven;

import io.github.schemadrift.EntityClassPath;
import io.github.schemadrift.HibernateSettings;
import io.github.schemadrift.SchemaDrift;
import io.github.schemadrift.SchemaDriftInputException;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * What every goal compares: the project's entities and a database, live or an embedded PostgreSQL with the
 * project's migrations. The goals only map parameters to {@link SchemaDrift.Configuration} and its exceptions to
 * Maven's: {@link SchemaDriftInputException} (broken input) becomes {@link MojoExecutionException}, a BUILD ERROR
 * with the exception's one paragraph.
 */
abstract class DriftMojo extends AbstractMojo {

    /** Where {@code url} falls back to, as Flyway's and Spring Boot's default location. */
    private static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

    /** Packages scanned for {@code @Entity}, {@code @Embeddable} and {@code @MappedSuperclass} classes, with subpackages. */
    @Parameter(property = "schemadrift.packages")
    List<String> packages = new ArrayList<>();

    /** Entity classes by full name; combine with {@code packages}. */
    @Parameter(property = "schemadrift.entities")
    List<String> entities = new ArrayList<>();

    /** Hibernate settings, e.g. {@code <hibernate.physical_naming_strategy>…</hibernate.physical_naming_strategy>}. */
    @Parameter
    Map<String, String> properties = new LinkedHashMap<>();

    /**
     * Hibernate settings on one line, {@code KEY=VALUE[,KEY=VALUE…]}, for the command line
     * ({@code -Dschemadrift.properties=…}): Maven cannot fill the {@code properties} map from a string. Added to
     * {@code properties}, winning on the same key.
     */
    @Parameter(property = "schemadrift.properties")
    String propertiesLine;

    /** A live database, e.g. {@code jdbc:postgresql://localhost:5432/app}; only read. Without it, the embedded PostgreSQL. */
    @Parameter(property = "schemadrift.url")
    String url;

    /** The database user (else the URL's, or the {@code serverId}'s). */
    @Parameter(property = "schemadrift.user")
    String user;

    /** The password; prefer {@code serverId}. Never printed. */
    @Parameter(property = "schemadrift.password")
    String password;

    /** A {@code <server>} in settings.xml whose username and (decrypted) password log in to {@code url}. */
    @Parameter(property = "schemadrift.serverId")
    String serverId;

    /**
     * Without {@code url}: migrations applied to a fresh embedded PostgreSQL, which is then compared. A folder,
     * {@code filesystem:DIR} or {@code classpath:FOLDER}; by default the project's
     * {@code src/main/resources/db/migration}. Cannot be combined with {@code url}.
     */
    @Parameter(property = "schemadrift.migrations")
    String migrations;

    /** The schema unqualified tables live in (default: the connection's current schema, normally {@code public}). */
    @Parameter(property = "schemadrift.schema")
    String schema;


    /** Skips the goal. */
    @Parameter(property = "schemadrift.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    Settings settings;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** The password actually used, from {@code password} or settings.xml, to scrub it from every message. */
    private String secret;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("schemadrift: skipped (schemadrift.skip).");
            return;
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Hibernate logs its start-up banner through java.util.logging, around Maven's log: keep its warnings only.
        Logger hibernateLog = Logger.getLogger("org.hibernate");
        Level previousLevel = hibernateLog.getLevel();
        hibernateLog.setLevel(Level.WARNING);
        try (EntityClassPath loader = projectClassLoader()) {
            // Hibernate and ClassGraph look up some classes through the context loader.
            thread.setContextClassLoader(loader);
            try (SchemaDrift check = load(loader)) {
                run(check);
            }
        } catch (SchemaDriftInputException e) {
            throw new MojoExecutionException(scrub(e.getMessage()), e);
        } catch (java.io.IOException e) {
            throw new MojoExecutionException(scrub("Cannot close the project's class loader: " + e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException(scrub("schemadrift failed unexpectedly: " + e
                    + ". Run Maven again with -e to see where, and report it with that output."), e);
        } finally {
            thread.setContextClassLoader(previous);
            hibernateLog.setLevel(previousLevel);
        }
    }

    /**
     * The goal's own step, on a loaded check.
     *
     * @param check the check, closed after this returns
     * @throws MojoFailureException when the goal finds what should fail the build
     */
    abstract void run(SchemaDrift check) throws MojoFailureException;

    /** @return the message with the password, if any, replaced by {@code ****} */
    String scrub(String message) {
        return secret == null || secret.isEmpty() || message == null ? message : message.replace(secret, "****");
    }

    /** Writes a block of text to the log line by line, so each gets Maven's level prefix. */
    void log(String text, boolean error) {
        for (String line : text.split("\\R")) {
            if (error) {
                getLog().error(line);
            } else {
                getLog().info(line);
            }
        }
    }

    private SchemaDrift load(ClassLoader loader) throws SchemaDriftInputException {
        if (packages.isEmpty() && entities.isEmpty()) {
            throw new SchemaDriftInputException("No entities named. Configure <packages><package>com.example.domain"
                    + "</package></packages> (or <entities>) for the schemadrift plugin, or pass"
                    + " -Dschemadrift.packages=com.example.domain.");
        }
        Map<String, String> settingsMap = new LinkedHashMap<>(properties);
        settingsMap.putAll(HibernateSettings.parse(propertiesLine, "schemadrift.properties"));
        SchemaDrift.Configuration configuration = SchemaDrift.configure()
                .classLoader(loader)
                .packages(packages.toArray(String[]::new))
                .entities(entityClasses(loader).toArray(Class<?>[]::new))
                .hibernateProperties(settingsMap)
                .defaultSchema(schema)
                .progress(step -> getLog().info("schemadrift: " + step));
        if (url != null && !url.isBlank()) {
            Credentials credentials = credentials();
            secret = credentials.password();
            configuration.url(url, credentials.user(), credentials.password());
            if (migrations != null) {
                configuration.migrations(inProject(migrations)); // the facade says why both cannot be given
            }
        } else {
            configuration.migrations(migrations != null ? inProject(migrations)
                    : new File(project.getBasedir(), DEFAULT_MIGRATIONS).getPath());
        }
        return configuration.load();
    }

    /** A relative folder is the project's, as for every Maven path, not the working directory's. */
    private String inProject(String location) {
        String prefix = location.strip().startsWith("filesystem:") ? "filesystem:" : "";
        String path = location.strip().substring(prefix.length());
        if (location.strip().startsWith("classpath:") || new File(path).isAbsolute()) {
            return location;
        }
        return prefix + new File(project.getBasedir(), path).getPath();
    }

    private record Credentials(String user, String password) {
    }

    /** {@code user}/{@code password} as given, else the settings.xml server's, decrypted. */
    private Credentials credentials() {
        if (serverId == null || serverId.isBlank()) {
            return new Credentials(user, password);
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new SchemaDriftInputException("No <server> with id '" + serverId + "' in settings.xml (serverId)."
                    + " Add one with the database's <username> and <password> to ~/.m2/settings.xml, or give user and"
                    + " password instead.");
        }
        SettingsDecryptionResult decrypted = settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : decrypted.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new SchemaDriftInputException("The password of <server> '" + serverId + "' in settings.xml cannot"
                        + " be decrypted: " + problem.getMessage() + ". Check settings-security.xml, or re-encrypt it"
                        + " with mvn --encrypt-password.");
            }
        }
        Server plain = decrypted.getServer();
        return new Credentials(user != null ? user : plain.getUsername(), password != null ? password : plain.getPassword());
    }

    private List<Class<?>> entityClasses(ClassLoader loader) {
        return EntityClassPath.loadClasses(entities, loader, loader.toString(), "Check the class name, and compile the"
                + " project first (run the goal in a phase after compile, or run 'mvn compile schemadrift:…').");
    }

    /**
     * The project's test class path (its classes, test classes and dependencies of every scope) over this
     * plugin's own class loader. URLClassLoader asks its parent first, so Hibernate ORM, Jakarta Persistence
     * and Jakarta Validation are always the plugin's: the project's own copies of them are never loaded, and
     * the entities' annotations are the very classes Hibernate reads.
     */
    private EntityClassPath projectClassLoader() {
        List<String> elements;
        try {
            elements = project.getTestClasspathElements();
        } catch (DependencyResolutionRequiredException e) {
            throw new SchemaDriftInputException("The project's dependencies are not resolved: " + e.getMessage()
                    + ". Run the goal in a build of the project (e.g. mvn verify).", e);
        }
        List<URL> urls = new ArrayList<>();
        for (String element : elements) {
            try {
                urls.add(new File(element).toURI().toURL());
            } catch (MalformedURLException e) {
                throw new SchemaDriftInputException("The class path entry " + element + " is not a usable path: " + e, e);
            }
        }
        return new EntityClassPath("the test class path of project " + project.getArtifactId()
                + " (its classes, test classes and dependencies)", urls.toArray(URL[]::new), DriftMojo.class.getClassLoader());
    }
}
