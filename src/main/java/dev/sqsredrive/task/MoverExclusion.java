package dev.sqsredrive.task;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.sqsredrive.aws.RedriveException;

/**
 * One mover per DLQ: a client-side run does not start while another one (alive) or a native move task
 * is running on the same DLQ, and a native task does not start while a client-side run moves it. Two movers
 * would each receive what the other holds back, and a native task next to a filtered client-side run would
 * move what the filter meant to leave. {@link #check} refuses early (before the operator is asked); the claim
 * ({@link MoverClaim}), taken after the question and before anything moves, is what makes it hold when two
 * movers start at the same moment.
 */
final class MoverExclusion {

    /** Slack between a process's start time as the OS reports it and the claims it made. */
    private static final Duration START_SLACK = Duration.ofSeconds(2);

    private MoverExclusion() {
    }

    /**
     * @param except the handle of the task being resumed (its own old record), or null
     * @param isDlq  whether any queue dead-letters into the source (only then can a native task run on it)
     */
    static void check(MovePlan plan, LocalTasks local, Function<String, NativeTasks> nativeTasksForSource,
                      String except, boolean isDlq) {
        checkNoClientMover(plan, local, except);
        if (isDlq) {
            checkNoNativeTask(plan, nativeTasksForSource);
        }
    }

    /** Refuses when a live client-side run (by its record or its claim) moves the plan's DLQ. */
    static void checkNoClientMover(MovePlan plan, LocalTasks local, String except) {
        String arn = plan.source().arn();
        Optional<LocalTask> client = local.all().stream()
                .filter(t -> t.task().kind() == MoveTask.Kind.CLIENT && arn.equals(t.task().sourceArn()))
                .filter(t -> !t.task().taskHandle().equals(except))
                .filter(local::moving)
                .findFirst();
        if (client.isPresent()) {
            throw busy(plan, new MoverClaim.Holder(client.get().pid(), client.get().pidStart(),
                    client.get().task().taskHandle(), null));
        }
        Optional<MoverClaim.Holder> claim = MoverClaim.holder(local.stateDir(), arn)
                .filter(h -> h.handle() == null || !h.handle().equals(except))
                .filter(h -> !stale(h, local));
        if (claim.isPresent()) {
            throw busy(plan, claim.get());
        }
    }

    private static void checkNoNativeTask(MovePlan plan, Function<String, NativeTasks> nativeTasksForSource) {
        String arn = plan.source().arn();
        String name = plan.source().name();
        boolean nativeRunning = nativeTasksForSource.apply(arn).list(arn, NativeTasks.MAX_LISTED).stream()
                .anyMatch(t -> t.status() == TaskStatus.RUNNING);
        if (nativeRunning) {
            throw RedriveException.usage("a move task is already running on '" + name + "': follow it with"
                    + " 'redrive watch " + name + "' or stop it with 'redrive cancel --source " + name + "'");
        }
    }

    /**
     * Claims the DLQ for a client-side run, then checks again, under the claim, that no other mover runs on
     * it: a native task started meanwhile, or a run of a version that kept no claims.
     *
     * @param handle the run's handle (the resumed one's when resuming)
     */
    static MoverClaim claimForClient(MovePlan plan, LocalTasks local,
                                     Function<String, NativeTasks> nativeTasksForSource, String handle,
                                     boolean isDlq, Instant now, Consumer<String> notes) {
        MoverClaim claim = claim(plan, local, handle, now, notes);
        try {
            checkNoClientMover(plan, local, handle);
            if (isDlq) {
                checkNoNativeTask(plan, nativeTasksForSource);
            }
            return claim;
        } catch (RuntimeException e) {
            claim.close();
            throw e;
        }
    }

    /**
     * Claims the DLQ while a native task is being started, so a client-side run starting at the same moment
     * either sees the claim or, once the claim is released, the native task in ListMessageMoveTasks.
     */
    static MoverClaim claimForNative(MovePlan plan, LocalTasks local, Instant now, Consumer<String> notes) {
        return claim(plan, local, null, now, notes);
    }

    private static MoverClaim claim(MovePlan plan, LocalTasks local, String handle, Instant now,
                                    Consumer<String> notes) {
        MoverClaim.Holder me = new MoverClaim.Holder(MoverProcess.selfPid(), MoverProcess.selfStart(), handle, now);
        MoverClaim.Result r = MoverClaim.take(local.stateDir(), plan.source().arn(), me, h -> stale(h, local));
        if (r.claim() == null) {
            throw busy(plan, r.holder());
        }
        MoverClaim.Holder old = r.staleTaken();
        if (old != null && old.known()) {
            notes.accept("taking over the claim on '" + plan.source().name() + "' left by process " + old.pid()
                    + (old.handle() == null ? "" : " (task " + old.handle() + ")") + ", which no longer moves it");
        }
        return r.claim();
    }

    /** A claim whose process is gone (or is another process by now), or whose task has ended since. */
    private static boolean stale(MoverClaim.Holder h, LocalTasks local) {
        if (!MoverProcess.alive(h.pid(), h.start())) {
            return true; // gone, or its pid is another process's by now
        }
        Optional<ProcessHandle> process = ProcessHandle.of(h.pid());
        if (process.isEmpty()) {
            return true;
        }
        boolean startedLater = process.get().info().startInstant()
                .map(s -> s.isAfter(h.claimedAt().plus(START_SLACK))).orElse(false);
        if (startedLater) {
            return true; // the pid was reused by a process started after the claim
        }
        // Ended since it claimed: a resumed task's record says how its last run ended until the new run writes.
        return h.handle() != null && local.find(h.handle()).filter(t -> t.task().status().terminal())
                .filter(t -> t.updatedAt() != null && !t.updatedAt().isBefore(h.claimedAt())).isPresent();
    }

    private static RedriveException busy(MovePlan plan, MoverClaim.Holder h) {
        String name = plan.source().name();
        if (!h.known()) {
            return RedriveException.usage("another mover is starting on '" + name + "' (its claim is being"
                    + " written): see 'redrive list " + name + "'");
        }
        if (h.handle() == null) {
            return RedriveException.usage("process " + h.pid() + " is starting a native move task on '" + name
                    + "': follow it with 'redrive watch " + name + "'");
        }
        return RedriveException.usage("client-side task " + h.handle() + " is already moving '" + name
                + "' (process " + h.pid() + "): follow it with 'redrive watch " + h.handle() + "' or stop it with"
                + " 'redrive cancel " + h.handle() + "'");
    }
}
