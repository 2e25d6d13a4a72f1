package dev.sqsredrive.task;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

import dev.sqsredrive.aws.AwsErrors;
import dev.sqsredrive.aws.QueueResolver;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.file.MessageFileWriter;

/**
 * Starts a move in the mode asked for, from a request checked offline ({@link CheckedStart}): resolves the
 * queues, chooses native or client-side ({@link ModeSelector}), and either starts a native task or runs the
 * client-side mover to its end. Also resumes a client-side task from its journal.
 */
public final class MoveStarter {

    /**
     * @param source       SOURCE as typed; may be null with resumeHandle
     * @param rate         messages per second, or null
     * @param resumeHandle a client-side task to carry on, or null
     * @param safe         the safe-redrive guards asked for
     */
    public record Request(String source, String destination, Double rate, ModeSelector.Mode mode,
                          ClientOptions options, String resumeHandle, SafeRedrive safe) {

        public Request {
            safe = safe == null ? SafeRedrive.NONE : safe;
        }

        public Request(String source, String destination, Double rate, ModeSelector.Mode mode,
                       ClientOptions options, String resumeHandle) {
            this(source, destination, rate, mode, options, resumeHandle, SafeRedrive.NONE);
        }
    }

    /** What was started: a native task, or a finished client-side run; neither when the operator declined. */
    public record Started(MoveTask nativeTask, ClientTaskRun.Result client) {

        public boolean declined() {
            return nativeTask == null && client == null;
        }
    }

    /** What the caller hears while starting. */
    public interface Events extends ClientTaskRun.Events {
        /** Auto mode chose the client-side mover, and why. */
        void fallback(String reason);

        /**
         * The mode is settled (for -v): how the move is done and why, with the rate and, client-side, the
         * options the mover runs with.
         */
        default void decided(String how, String why, Double rate, ClientOptions options) {
        }

        /**
         * Asked once the plan and the mode are known, before anything moves (not for a dry run); false stops
         * here and nothing starts. The place to show the plan and ask a person at a terminal.
         *
         * @param how e.g. "native (SQS move task)" or "client-side (this process)"
         */
        default boolean confirm(MovePlan plan, String how) {
            return true;
        }
    }

    private static final String NATIVE = "native (SQS move task)";
    private static final String CLIENT = "client-side (this process)";

    private final QueueResolver resolver;
    private final Function<String, NativeTasks> nativeTasksForSource;
    private final LocalTasks local;
    private final ClientTaskRun clientRun;
    private final Optional<URI> endpoint;
    private final Clock clock;

    public MoveStarter(QueueResolver resolver, Function<String, NativeTasks> nativeTasksForSource, LocalTasks local,
                       ClientTaskRun clientRun, Optional<URI> endpoint, Clock clock) {
        this.resolver = resolver;
        this.nativeTasksForSource = nativeTasksForSource;
        this.local = local;
        this.clientRun = clientRun;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** Checks the request, then starts it: for callers that have not checked it already. */
    public Started start(Request r, Events events) throws InterruptedException {
        return start(CheckedStart.of(r), events);
    }

    public Started start(CheckedStart checked, Events events) throws InterruptedException {
        Request r = checked.request();
        if (!r.options().dryRun()) {
            StateDir.requireUsable(local.stateDir()); // before anything is asked, started or moved
        }
        if (checked.resume()) {
            return resume(r, events);
        }
        ModeSelector.Decision decision = checked.offline();
        if (checked.note() != null) {
            events.note(checked.note());
        }
        ClientOptions options = checked.options();
        Integer nativeRate = r.rate() == null ? null : (int) Math.round(r.rate());
        MovePlan plan = new MovePlanner(resolver).resolve(r.source(), r.destination(), nativeRate,
                options.dryRun() ? MessageFileWriter.Existing.APPEND : options.existing());
        // --again counts only where the import repeats one: then every send may duplicate.
        options = options.toBuilder().again(RepeatedImport.check(plan.source().arn(), options, local)).build();
        if (decision == null) {
            decision = ModeSelector.online(r.mode(), plan.source(), plan.destination(), plan.sourceUrls(), endpoint);
        }
        if (!decision.client() && !options.dryRun()) {
            decision = ModeSelector.afterUnfinished(r.mode(), clientRun.unfinished(plan.source().arn()), decision);
        }
        if (!decision.client()) {
            MovePlanner.checkIsDlq(plan);
            MoverExclusion.checkNoClientMover(plan, local, null);
            events.decided(NATIVE, r.mode() == ModeSelector.Mode.NATIVE ? "asked for with --mode native"
                    : "a native move task can serve this request (--mode auto)", r.rate(), r.options());
            if (!events.confirm(plan, NATIVE)) {
                return new Started(null, null);
            }
            try (MoverClaim claim = MoverExclusion.claimForNative(plan, local, clock.instant(), events::note)) {
                return new Started(NativeStart.start(plan, nativeTasksForSource.apply(plan.source().arn()), local,
                        clock), null);
            } catch (RedriveException e) {
                String why = r.mode() == ModeSelector.Mode.AUTO && e.getCause() != null
                        ? ModeSelector.unsupportedReason(AwsErrors.errorCode(e.getCause())) : null;
                if (why == null) {
                    throw e;
                }
                decision = new ModeSelector.Decision(true, why);
            }
        }
        if (decision.reason() != null) {
            events.fallback(decision.reason());
        }
        events.decided(CLIENT, decision.reason() != null ? decision.reason() : "asked for with --mode client",
                r.rate(), options);
        ClientTaskRun.Plan run = new ClientTaskRun.Plan(plan.source(), plan.destination(), plan.sourceUrls(),
                r.rate(), options, null, r.safe());
        if (options.dryRun()) {
            return new Started(null, clientRun.run(run, events));
        }
        MoverExclusion.check(plan, local, nativeTasksForSource, null, !plan.sourceUrls().isEmpty());
        if (!events.confirm(plan, CLIENT)) {
            return new Started(null, null);
        }
        return runClaimed(plan, run, ClientTaskRun.newHandle(), events);
    }

    /** Runs a client-side move under its claim on the DLQ, taken now that the operator said yes. */
    private Started runClaimed(MovePlan plan, ClientTaskRun.Plan run, String handle, Events events)
            throws InterruptedException {
        try (MoverClaim claim = MoverExclusion.claimForClient(plan, local, nativeTasksForSource, handle,
                !plan.sourceUrls().isEmpty(), clock.instant(), events::note)) {
            return new Started(null, clientRun.run(run, handle, events));
        }
    }

    private Started resume(Request r, Events events) throws InterruptedException {
        String handle = r.resumeHandle().strip();
        LocalTask record = local.find(handle).filter(t -> t.task().kind() == MoveTask.Kind.CLIENT)
                .orElseThrow(() -> RedriveException.usage("no client-side task '" + handle + "' recorded in "
                        + local.directory() + " ('redrive list' shows the tasks)"));
        if (local.moving(record)) {
            throw RedriveException.usage("task '" + handle + "' is still running (process " + record.pid() + ")");
        }
        JournalHeader header = clientRun.header(record.task().sourceArn(), handle).orElseThrow(() ->
                RedriveException.usage("task '" + handle + "' left no journal (a --copy run, or it finished"
                        + " cleanly): nothing to resume; start it again instead"));
        // The task's own export file and archive: appended to, after cutting what a killed run left half-written.
        MovePlan plan = new MovePlanner(resolver).resolve(header.sourceArn(), header.destinationArn(), null,
                MessageFileWriter.Existing.APPEND);
        ResumeCheck.against(r, handle, header, plan, resolver);
        ClientOptions saved = header.options();
        ClientOptions options = saved.toBuilder().dryRun(false).showBodies(false)
                .existing(MessageFileWriter.Existing.APPEND)
                .concurrency(r.options().concurrencyOver(saved.concurrency()))
                .build();
        MoverExclusion.check(plan, local, nativeTasksForSource, handle, !plan.sourceUrls().isEmpty());
        events.decided(CLIENT, "resuming " + handle + " with the options it was started with", header.rate(), options);
        if (!events.confirm(plan, CLIENT + ", resuming " + handle)) {
            return new Started(null, null);
        }
        return runClaimed(plan, new ClientTaskRun.Plan(plan.source(), plan.destination(), plan.sourceUrls(),
                header.rate(), options, handle, r.safe()), handle, events);
    }
}
