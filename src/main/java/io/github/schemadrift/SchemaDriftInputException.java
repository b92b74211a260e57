package io.github.schemadrift;

/**
 * The check could not run: an input is broken (database unreachable or refused, bad credentials, no
 * entities found, a migration that fails, an unknown setting). The message is one paragraph that names
 * the input and says what to do; it never contains a password. No report is produced: schemadrift fails
 * closed rather than claim there is no drift.
 */
public class SchemaDriftInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An input problem.
     *
     * @param message one paragraph naming the input and what to do
     */
    public SchemaDriftInputException(String message) {
        super(message);
    }

    /**
     * An input problem with its cause, kept for {@code --debug} output.
     *
     * @param message one paragraph naming the input and what to do
     * @param cause the underlying failure
     */
    public SchemaDriftInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
