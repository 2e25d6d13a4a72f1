package dev.sqsredrive.testing;

import java.nio.file.Path;
import java.time.Clock;

import dev.sqsredrive.mover.Journals;
import dev.sqsredrive.task.LocalTasks;

/**
 * A state directory's task records and journals as the runs a test starts ({@link Redrive}, {@link
 * RedriveProcess}) read them: on the system's wall clock, the one {@code Context.ofSystem} gives those runs, so
 * that a record a test writes is as fresh or as stale to them as to the test.
 */
public final class StateFiles {

    private static final Clock RUNS_CLOCK = Clock.systemUTC();

    private StateFiles() {
    }

    public static LocalTasks tasks(Path stateDir) {
        return new LocalTasks(stateDir, line -> { }, RUNS_CLOCK);
    }

    public static Journals journals(Path stateDir) {
        return new Journals(stateDir, line -> { }, RUNS_CLOCK);
    }
}
