package dev.sqsredrive.cli.badinput;

import java.util.function.Function;
import java.util.function.Supplier;

import dev.sqsredrive.testing.RunResult;

/**
 * One row of the bad-input catalogue.
 *
 * @param name    what is wrong, as the test report shows it
 * @param exit    the documented exit code
 * @param word    what the stderr line that names the problem must contain
 * @param kind    how the command answers (see {@link Kind})
 * @param prepare sets the case up against the fixture and returns the run to make; the queues are counted
 *                between the two
 */
record BadInput(String name, int exit, String word, Kind kind, Function<BadInputFixture, Supplier<RunResult>> prepare) {

    enum Kind {
        /** Refused: exactly one stderr line, "redrive: …", and every queue as it was. */
        REFUSED,
        /** A damaged state file: one warning line names it, the run goes on, and no message is lost or doubled. */
        WARNED,
        /** At the terminal's question: the plan, then one line saying nothing started; every queue as it was. */
        PROMPTED
    }

    static BadInput refused(String name, int exit, String word, Function<BadInputFixture, Supplier<RunResult>> p) {
        return new BadInput(name, exit, word, Kind.REFUSED, p);
    }

    static BadInput warned(String name, String word, Function<BadInputFixture, Supplier<RunResult>> p) {
        return new BadInput(name, 0, word, Kind.WARNED, p);
    }

    static BadInput prompted(String name, String word, Function<BadInputFixture, Supplier<RunResult>> p) {
        return new BadInput(name, 7, word, Kind.PROMPTED, p);
    }

    @Override
    public String toString() {
        return name;
    }
}
