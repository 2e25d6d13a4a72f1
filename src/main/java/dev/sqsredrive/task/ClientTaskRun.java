package dev.sqsredrive.task;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.aws.SqsClients;
import dev.sqsredrive.mover.ClientMover;
import dev.sqsredrive.mover.Clocks;
import dev.sqsredrive.mover.Journal;
import dev.sqsredrive.mover.Journals;
import dev.sqsredrive.mover.MessageFilter;
import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.mover.MoverConfig;
import dev.sqsredrive.mover.OldGenerationTrim;
import dev.sqsredrive.mover.ProgressListener;
import dev.sqsredrive.mover.ResumeState;
import dev.sqsredrive.mover.file.FileEndpoints;
import dev.sqsredrive.mover.StopReason;

/**
 * Runs a client-side move as a task like any other: it gets a handle, is recorded in the state directory
 * (so list, watch and cancel from another shell see it), updates its record about once a second, stops
 * when a cancel is recorded, and keeps a journal so that a crashed run can be resumed.
 */
public final class ClientTaskRun {

    public static final String HANDLE_PREFIX = "client-";

    /** What the caller is told while the task runs. */
    public interface Events extends ProgressListener {
        /** The task is recorded: its handle can be printed now. Not called for a dry run. */
        void started(MoveTask task);

        /** A line worth telling the operator. */
        void note(String line);
    }

    /**
     * @param source      the DLQ
     * @param destination --to, or null to route each message to its origin
     * @param sourceUrls  the queues that dead-letter into the DLQ
     * @param rate        messages per second, or null
     * @param resumeFrom  the handle of the task to carry on, or null for a new one
     * @param safe        the safe-redrive guards (the one-pass rule needs none)
     */
    public record Plan(ResolvedQueue source, ResolvedQueue destination, List<String> sourceUrls, Double rate,
                       ClientOptions options, String resumeFrom, SafeRedrive safe) {

        public Plan {
            safe = safe == null ? SafeRedrive.NONE : safe;
        }

        public Plan(ResolvedQueue source, ResolvedQueue destination, List<String> sourceUrls, Double rate,
                    ClientOptions options, String resumeFrom) {
            this(source, destination, sourceUrls, rate, options, resumeFrom, SafeRedrive.NONE);
        }
    }

    /**
     * @param task  the task as last recorded (null for a dry run)
     * @param files the files the run wrote to (an export's, the archive), with the lines each gained
     */
    public record Result(MoveTask task, MoveSummary summary, List<FileEndpoints.Written> files) {

        public Result(MoveTask task, MoveSummary summary) {
            this(task, summary, List.of());
        }
    }

    private final SqsClients clients;
    private final LocalTasks local;
    private final Journals journals;
    private final EarlierRuns earlier;
    private final Clock clock;
    private final Clocks clocks;
    private final RunQueues runQueues;
    private final AtomicReference<ClientMover> mover = new AtomicReference<>();
    private volatile StopReason stopBeforeStart;

    public ClientTaskRun(SqsClients clients, LocalTasks local, Journals journals, Clocks clocks) {
        this(clients, local, journals, clocks, System.out);
    }

    /** @param stdout where an export to file:- writes its lines */
    public ClientTaskRun(SqsClients clients, LocalTasks local, Journals journals, Clocks clocks, OutputStream stdout) {
        this.runQueues = new RunQueues(clients, clocks.wall(), stdout);
        this.clients = clients;
        this.local = local;
        this.journals = journals;
        this.earlier = new EarlierRuns(journals, local);
        this.clock = clocks.wall();
        this.clocks = clocks;
    }

    /** The options a task was started with, from its journal. */
    public Optional<JournalHeader> header(String sourceArn, String handle) {
        return journals.header(sourceArn, handle).map(JournalHeader::parse);
    }

    /** Why a start on this DLQ must go client-side ({@link EarlierRuns#unfinished}); null when nothing says so. */
    public String unfinished(String sourceArn) {
        return earlier.unfinished(sourceArn);
    }

    /** Stops the run (from any thread): Ctrl-C, or a cancel. */
    public void stop(StopReason reason) {
        stopBeforeStart = reason;
        ClientMover m = mover.get();
        if (m != null) {
            m.stop(reason);
        }
    }

    public static String newHandle() {
        return HANDLE_PREFIX + UUID.randomUUID();
    }

    public Result run(Plan plan, Events events) throws InterruptedException {
        return run(plan, plan.resumeFrom() != null ? plan.resumeFrom() : newHandle(), events);
    }

    /** @param handle the task's: the resumed one's ({@code plan.resumeFrom()}), or a {@link #newHandle} */
    public Result run(Plan plan, String handle, Events events) throws InterruptedException {
        ClientOptions o = plan.options();
        List<MessageFilter> filters = MessageFilter.parseAll(o.filters());
        ResolvedQueue src = plan.source();
        Optional<LocalTask> earlierRecord = plan.resumeFrom() == null ? Optional.empty() : local.find(handle);
        long movedBefore = earlierRecord.map(r -> r.task().moved()).orElse(0L);
        long deliveredBefore = plan.resumeFrom() == null ? 0 : earlier.deliveredBefore(src.arn(), handle);
        Long limit = o.limit() == null ? null : Math.max(0, o.limit() - deliveredBefore);
        long depth = src.approximateDepth();
        Long toMove = limit == null ? Long.valueOf(depth) : Long.valueOf(Math.min(limit, depth));
        boolean journaled = !o.copy() && !o.dryRun();
        List<Path> journalFiles = new ArrayList<>();
        ResumeState resume = ResumeState.NONE;
        Journal journal = null;
        if (journaled) {
            Path own = journals.fileOf(src.arn(), handle);
            journalFiles.addAll(earlier.files(src.arn(), handle));
            resume = ResumeState.read(journalFiles); // once: everything below works from it
            journal = Journal.open(own, new JournalHeader(handle, src.arn(), plan.destination() == null ? null
                    : plan.destination().arn(), plan.rate(), o).toJson());
            if (!journalFiles.contains(own)) {
                journalFiles.add(own);
            }
            if (!resume.pending().isEmpty()) {
                events.note(resume.pending().size() + " message(s) were sent by an earlier run but not deleted: they"
                        + " are deleted when received, not sent again");
            }
        }

        // An earlier run on this DLQ that did not finish may hold messages that only come back later.
        boolean earlierRun = plan.resumeFrom() != null || journalFiles.size() > 1;
        MoverConfig config = MoverConfig.builder(src.url(), src.arn()).rate(plan.rate()).concurrency(RunQueues.workers(plan, events::note))
                .limit(limit).copy(o.copy()).dryRun(o.dryRun()).showBodies(o.showBodies()).filters(filters)
                .awaitInFlight(earlierRun).toMove(toMove).maxReturned(plan.safe().maxReturned())
                .canary(plan.safe().canary(), plan.safe().canaryWait()).maxBacklog(plan.safe().maxBacklog()).build();
        FileEndpoints queues = runQueues.endpoints(plan, resume.deleted(), events::note); // before the record: may refuse a file
        MoveTask task = new MoveTask(handle, MoveTask.Kind.CLIENT, TaskStatus.RUNNING, src.arn(),
                plan.destination() == null ? null : plan.destination().arn(), plan.rate(), movedBefore,
                toMove == null ? null : toMove + movedBefore, null, clock.instant());
        TaskRecorder recorder = o.dryRun() ? null
                : new TaskRecorder(local, clock, task, () -> stop(StopReason.CANCELLED), this::fail);
        if (recorder != null) {
            recorder.start();
            events.started(task);
        }
        ClientMover m = new ClientMover(config, queues, runQueues.routing(plan), journal, resume.pending(),
                clocks);
        if (journaled) {
            m.movedBefore(resume); // one pass across a resume, and after an unfinished run
            // FIFO destinations dropped the killed runs' resends by their deduplication id; o.again(): a
            // COMPLETED import sent all of them before
            m.sentBefore(resume.resendsToCount(), src.fifo() ? 0 : resume.duplicatedUnreported().size(), o.again());
        }
        mover.set(m);
        if (stopBeforeStart != null) {
            m.stop(stopBeforeStart);
        }
        ProgressListener listener = recorder == null ? events : recorder.and(events);
        OldGenerationTrim.install(); // the workers' promoted garbage collected, not left to grow the heap
        MoveSummary summary;
        try (queues) {
            summary = m.run(listener);
        }
        MoveTask last = recorder == null ? null : finish(recorder, summary, events);
        if (journaled && m.nothingPending() && summary.outcome() == MoveSummary.Outcome.COMPLETED) {
            // Done, and nothing sent is waiting for its delete: nothing to resume. A stopped or failed run
            // keeps its journal, whose first line is what --resume carries on with.
            Journals.deleteAll(journalFiles);
        }
        return new Result(last, summary, queues.written());
    }

    /** A state write that failed mid-run ends the run in order, with its summary (docs/STATE.md). */
    private void fail(RuntimeException e) {
        ClientMover m = mover.get();
        if (m != null) {
            m.fail(e);
        }
    }

    /** The task's last record; one that cannot be written is said, and the summary is printed all the same. */
    private static MoveTask finish(TaskRecorder recorder, MoveSummary summary, Events events) {
        try {
            return recorder.finish(summary);
        } catch (RuntimeException e) {
            events.note("the task's record could not be updated: " + e.getMessage());
            return recorder.last();
        }
    }

    static String reason(MoveSummary s) {
        if (s.error() != null) {
            return s.error();
        }
        StringBuilder sb = new StringBuilder(s.failed() + " message(s) could not be moved and stay in the DLQ: ");
        String sep = "";
        for (Map.Entry<String, Long> f : s.failures().entrySet()) {
            sb.append(sep).append(f.getValue()).append(' ').append(f.getKey());
            sep = "; ";
        }
        return sb.toString();
    }
}
