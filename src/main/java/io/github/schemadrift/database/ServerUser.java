package io.github.schemadrift.database;

import io.github.schemadrift.SchemaDriftInputException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The user PostgreSQL's programs run as: this JVM's own user, or, when the JVM is root, user {@code nobody},
 * reached by prefixing each command with {@code setpriv} (or {@code runuser}).
 *
 * @param name the user's name, for messages
 * @param commandPrefix what goes before each PostgreSQL command; empty when no user change is needed
 * @param owner who must own the data directory, or {@code null} to leave it to this JVM's user
 * @param group the data directory's group, or {@code null} likewise
 */
record ServerUser(String name, List<String> commandPrefix, UserPrincipal owner, GroupPrincipal group) {

    /** Runs PostgreSQL as this JVM's user. */
    static final ServerUser CURRENT = new ServerUser(System.getProperty("user.name"), List.of(), null, null);

    private static final String UNPRIVILEGED = "nobody";
    /** Debian and Ubuntu call nobody's group nogroup; Red Hat and Alpine call it nobody. */
    private static final List<String> UNPRIVILEGED_GROUPS = List.of("nogroup", "nobody");

    /**
     * Runs PostgreSQL as {@code nobody}, for a root JVM.
     *
     * @param findCommand finds an executable by name
     * @return the user
     * @throws SchemaDriftInputException when neither setpriv nor runuser exists, or there is no user nobody
     */
    static ServerUser unprivileged(Function<String, Optional<Path>> findCommand) {
        Optional<Path> setpriv = findCommand.apply("setpriv");
        Optional<Path> runuser = setpriv.isPresent() ? Optional.empty() : findCommand.apply("runuser");
        if (setpriv.isEmpty() && runuser.isEmpty()) {
            throw new SchemaDriftInputException("PostgreSQL refuses to run as root, and this JVM runs as root, so"
                    + " schemadrift would run the embedded server as user '" + UNPRIVILEGED + "' via setpriv or"
                    + " runuser, but neither command was found (looked in PATH, /usr/bin, /bin, /usr/sbin and /sbin)."
                    + " Install util-linux, which provides both (e.g. apt-get install util-linux, apk add setpriv),"
                    + " or run as a non-root user, or pass a database URL instead of using the embedded server.");
        }
        UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
        UserPrincipal owner;
        try {
            owner = lookup.lookupPrincipalByName(UNPRIVILEGED);
        } catch (IOException e) {
            throw new SchemaDriftInputException("PostgreSQL refuses to run as root, so schemadrift runs the embedded"
                    + " server as user '" + UNPRIVILEGED + "', but this system has no such user (" + e + "). Create it,"
                    + " or run as a non-root user, or pass a database URL instead of using the embedded server.", e);
        }
        GroupPrincipal group = group(lookup);
        List<String> prefix = setpriv.isPresent()
                ? List.of(setpriv.get().toString(), "--reuid=" + UNPRIVILEGED, "--regid=" + group.getName(),
                        "--clear-groups")
                : List.of(runuser.get().toString(), "-u", UNPRIVILEGED, "-g", group.getName(), "--");
        return new ServerUser(UNPRIVILEGED, prefix, owner, group);
    }

    private static GroupPrincipal group(UserPrincipalLookupService lookup) {
        for (String name : UNPRIVILEGED_GROUPS) {
            try {
                return lookup.lookupPrincipalByGroupName(name);
            } catch (UserPrincipalNotFoundException e) {
                // try the next spelling
            } catch (IOException e) {
                break;
            }
        }
        throw new SchemaDriftInputException("PostgreSQL refuses to run as root, so schemadrift runs the embedded"
                + " server as user '" + UNPRIVILEGED + "', but this system has no group " + UNPRIVILEGED_GROUPS
                + " for it. Create one of them, or run as a non-root user, or pass a database URL instead of using"
                + " the embedded server.");
    }

    /** @return whether commands run as another user than this JVM's */
    boolean dropsPrivileges() {
        return !commandPrefix.isEmpty();
    }

    /** @return the program that changes user, e.g. {@code /usr/bin/setpriv}, or empty when none is needed */
    String command() {
        return commandPrefix.isEmpty() ? "" : commandPrefix.get(0);
    }

    /**
     * The first directory on the way to {@code path} that others may not traverse, which stops this user when it is
     * neither its owner nor in its group; a hint for messages, as ACLs and group membership are not looked at.
     *
     * @param path a file the server user must reach
     * @return the directory and its permissions, e.g. {@code /root (rwx------)}
     */
    Optional<String> firstClosedDirectory(Path path) {
        Path absolute = path.toAbsolutePath();
        for (int depth = 1; depth < absolute.getNameCount(); depth++) {
            Path directory = absolute.getRoot().resolve(absolute.subpath(0, depth));
            try {
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory);
                if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE) && !Files.getOwner(directory).equals(owner)) {
                    return Optional.of(directory + " (" + PosixFilePermissions.toString(permissions) + ")");
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Gives a directory this JVM created to the server user.
     *
     * @param directory the directory
     * @throws IOException when the owner or group cannot be changed
     */
    void own(Path directory) throws IOException {
        if (owner != null) {
            Files.setOwner(directory, owner);
            Files.getFileAttributeView(directory, PosixFileAttributeView.class).setGroup(group);
        }
    }
}
