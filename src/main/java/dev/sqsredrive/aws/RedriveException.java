package dev.sqsredrive.aws;

/**
 * A failure the user can act on: one line of text and the kind of failure, which the CLI turns into an
 * exit code. Kept free of picocli so that aws/, task/ and mover/ can raise it.
 */
public class RedriveException extends RuntimeException {

    /** What went wrong, as scripts need to tell it apart. */
    public enum Kind { USAGE, AWS, INTERRUPTED, UNEXPECTED, STATE }

    private final Kind kind;

    public RedriveException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public RedriveException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static RedriveException usage(String message) {
        return new RedriveException(Kind.USAGE, message);
    }

    public static RedriveException aws(String message, Throwable cause) {
        return new RedriveException(Kind.AWS, message, cause);
    }

    /** The local state directory (task records, journals, claims) cannot be used as it is. */
    public static RedriveException state(String message, Throwable cause) {
        return new RedriveException(Kind.STATE, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
