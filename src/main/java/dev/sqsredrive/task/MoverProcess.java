package dev.sqsredrive.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process as task records and claims name it: its pid and a stamp of when it started. A pid alone is no
 * proof: after a kill -9 the system hands it to the next process, and a record naming an unrelated `sleep`
 * then looked RUNNING until that process ended. The stamp is the start time in clock ticks since boot from
 * {@code /proc/PID/stat} (exact, the same whoever reads it), else the JDK's start instant in milliseconds.
 */
final class MoverProcess {

    private static final long SELF = ProcessHandle.current().pid();
    private static final String SELF_START = start(SELF).orElse(null);

    private MoverProcess() {
    }

    static long selfPid() {
        return SELF;
    }

    /** This process's start stamp, or null where the system tells none. */
    static String selfStart() {
        return SELF_START;
    }

    /**
     * Whether PID is a live process (a zombie, killed and not yet reaped, is not) and, when a start stamp was
     * recorded beside it, the very process that recorded it.
     */
    static boolean alive(long pid, String recordedStart) {
        Optional<String[]> stat = stat(pid);
        boolean running;
        if (stat.isPresent()) {
            String state = stat.get()[0];
            running = !state.equals("Z") && !state.equals("X") && !state.equals("x");
        } else if (Files.isDirectory(Path.of("/proc/self"))) {
            running = false; // a /proc without this pid: no such process
        } else {
            running = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        if (!running || recordedStart == null) {
            return running;
        }
        return start(pid).map(recordedStart::equals).orElse(true); // no stamp to compare: the heartbeat decides
    }

    static Optional<String> start(long pid) {
        Optional<String[]> stat = stat(pid);
        if (stat.isPresent() && stat.get().length > 19) {
            return Optional.of("stat:" + stat.get()[19]); // field 22, starttime
        }
        return ProcessHandle.of(pid).flatMap(p -> p.info().startInstant()).map(i -> "ms:" + i.toEpochMilli());
    }

    /** The fields of /proc/PID/stat after the command's name (which may hold spaces and parentheses). */
    private static Optional<String[]> stat(long pid) {
        try {
            String s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            int end = s.lastIndexOf(')');
            return end < 0 ? Optional.empty() : Optional.of(s.substring(end + 1).strip().split(" "));
        } catch (IOException | RuntimeException none) {
            return Optional.empty();
        }
    }
}
