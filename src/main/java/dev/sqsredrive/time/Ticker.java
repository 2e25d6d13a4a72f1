package dev.sqsredrive.time;

/** A monotonic clock in nanoseconds; a seam so that rate limiting is tested on a fake clock. */
@FunctionalInterface
public interface Ticker {

    long nanos();

    static Ticker system() {
        return System::nanoTime;
    }
}
