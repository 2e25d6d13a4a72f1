package dev.sqsredrive.matrix;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RedriveProcess;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.proxy.Fault;
import dev.sqsredrive.testing.proxy.FaultProxy;
import dev.sqsredrive.testing.proxy.FaultRule;

/**
 * The cases whose fault is a signal to a real `redrive` process (SIGKILL, SIGSTOP/SIGCONT), or two processes
 * started on one DLQ at once. The resume after a kill runs in this JVM; every message is counted at the end.
 */
final class ProcessCases {

    static final int MESSAGES = 60;
    /** Past the mover's 30 s visibility timeout: its holds lapse while it is stopped. */
    private static final Duration STOPPED_FOR = Duration.ofSeconds(35);

    private ProcessCases() {
    }

    static MatrixRow run(MatrixCase c, Path stateDir) {
        try (TestQueues queues = TestQueues.elasticMq();
             // variant 1: deletes answer slowly, so a kill finds sent-but-not-deleted messages to resume
             FaultProxy proxy = FaultProxy.start(ElasticMq.endpoint(), FaultRule.on("DeleteMessageBatch",
                     Fault.latency(Duration.ofMillis(c.variant() == 1 ? 800 : 0)), 1, 1, 10_000))) {
            TestQueues.Queue dlq = queues.create("dlq", c.fifo(), Map.of());
            TestQueues.Queue dest = queues.createSourceOf("dest", dlq, c.fifo());
            List<String> bodies = queues.send(dlq, MESSAGES, "p" + c.id());
            Map<String, String> env = new HashMap<>(queues.env(stateDir));
            env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
            String[] move = {"start", dlq.name(), "--mode", "client", "--to", dest.name(), "--rate", "15", "-o",
                    "json"};
            // text output for a run to be killed: its handle is the first stdout line (-o json prints it at the end)
            String[] moveText = java.util.Arrays.copyOf(move, move.length - 2);
            int strikeAt = Math.min(c.strikeAt(), MESSAGES - 10);
            List<RunResult> runs = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            int faults = switch (c.kind()) {
                case SIGKILL_RESUME -> {
                    String handle = killAt(env, stateDir, moveText, queues, dest, strikeAt, notes);
                    runs.add(Redrive.run(env, "start", "--resume", handle, "-o", "json"));
                    yield 1;
                }
                case SIGKILL_DURING_RESUME -> {
                    String handle = killAt(env, stateDir, moveText, queues, dest, strikeAt, notes);
                    killAt(env, stateDir, new String[]{"start", "--resume", handle}, queues, dest,
                            (int) queues.depth(dest) + 5, notes);
                    runs.add(Redrive.run(env, "start", "--resume", handle, "-o", "json"));
                    yield 2;
                }
                case SIGSTOP_PAST_VISIBILITY -> {
                    try (RedriveProcess mover = RedriveProcess.start(env, stateDir, move)) {
                        awaitMoved(queues, dest, strikeAt, mover);
                        signal("-STOP", mover.pid());
                        holdFor(STOPPED_FOR);
                        signal("-CONT", mover.pid());
                        long continued = System.nanoTime();
                        runs.add(mover.await(180));
                        // what await's bound is measured against: the stopped mover's own way to its end
                        notes.add("ended " + (System.nanoTime() - continued) / 1_000_000 + " ms after SIGCONT");
                        System.out.println("case " + c.id() + ": " + notes.get(notes.size() - 1));
                    }
                    yield 1;
                }
                case TWO_MOVERS -> {
                    try (RedriveProcess a = RedriveProcess.start(env, stateDir, move);
                         RedriveProcess b = RedriveProcess.start(env, stateDir, move)) {
                        RunResult ra = a.await(180);
                        RunResult rb = b.await(180);
                        runs.add(ra);
                        runs.add(rb);
                        if (!((ra.exitCode() == 2) ^ (rb.exitCode() == 2))) {
                            notes.add("expected exactly one mover to refuse with exit 2");
                        }
                    }
                    yield 1;
                }
                default -> throw new IllegalArgumentException(c.kind() + " is not a process fault");
            };
            for (int again = 0; again < 2 && queues.depth(dlq) > 0; again++) {
                runs.add(Redrive.run(env, move));
            }
            long reported = 0;
            StringBuilder exits = new StringBuilder();
            for (RunResult r : runs) {
                exits.append(exits.isEmpty() ? "" : ",").append(r.exitCode());
                reported += ProxyCases.summaryOf(r).map(MoverSummary::duplicatesPossible).orElse(0L);
            }
            Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(150));
            int lost = census.lost(bodies).size();
            List<String> problems = new ArrayList<>(MatrixRow.check(c, lost, MatrixRow.duplicated(census), reported));
            problems.addAll(notes.stream().filter(n -> n.startsWith("expected")).toList());
            if (census.remaining() > 0) {
                problems.add(census.remaining() + " still in the DLQ after the re-runs");
            }
            return new MatrixRow(c, faults, MESSAGES, census.delivered(), lost, MatrixRow.duplicated(census), census.duplicates(), reported,
                    exits.toString(), problems, census + "; " + notes + "\n" + runs);
        }
    }

    /** Starts a mover, SIGKILLs it once the destination holds {@code moved}; returns its task handle. */
    private static String killAt(Map<String, String> env, Path stateDir, String[] args, TestQueues queues,
                                 TestQueues.Queue dest, int moved, List<String> notes) {
        return killWhen(env, stateDir, args, () -> queues.depth(dest) >= moved, () -> queues.depth(dest) + " moved",
                notes);
    }

    /**
     * Starts a mover (text output: its handle is the first stdout line), SIGKILLs it once {@code struck} holds
     * or it ended on its own; notes how far it got ({@code progress}); returns its task handle.
     */
    static String killWhen(Map<String, String> env, Path stateDir, String[] args, BooleanSupplier struck,
                           Supplier<String> progress, List<String> notes) {
        try (RedriveProcess mover = RedriveProcess.start(env, stateDir, args)) {
            String handle = mover.readLine();
            if (handle == null || !handle.startsWith("client-")) {
                throw new AssertionError("no task handle on stdout; stderr:\n" + mover.stderr());
            }
            Deadline.await(Duration.ofSeconds(120), () -> struck.getAsBoolean() || !alive(mover),
                    () -> "the kill point (" + progress.get() + " so far); stderr:\n" + mover.stderr());
            mover.kill();
            notes.add("killed at " + progress.get());
            return handle;
        }
    }

    /** Waits until the destination holds {@code moved} messages or the mover ended (then there is less). */
    private static void awaitMoved(TestQueues queues, TestQueues.Queue dest, int moved, RedriveProcess mover) {
        Deadline.await(Duration.ofSeconds(120), () -> queues.depth(dest) >= moved || !alive(mover),
                () -> moved + " messages in the destination; it has " + queues.depth(dest) + "; stderr:\n"
                        + mover.stderr());
    }

    private static boolean alive(RedriveProcess mover) {
        return ProcessHandle.of(mover.pid()).map(ProcessHandle::isAlive).orElse(false);
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", signal, String.valueOf(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new AssertionError("kill " + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new AssertionError("kill " + signal + " " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The fault itself lasts this long (the process stays stopped): a pause by design, not a wait for work. */
    private static void holdFor(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the mover was stopped", e);
        }
    }
}
