package dev.sqsredrive.triage;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.aws.SqsClients;
import dev.sqsredrive.mover.ClientMover;
import dev.sqsredrive.mover.Clocks;
import dev.sqsredrive.mover.MoveSummary;
import dev.sqsredrive.mover.MoverConfig;
import dev.sqsredrive.mover.ProgressListener;
import dev.sqsredrive.mover.Routing;
import dev.sqsredrive.mover.StopReason;
import dev.sqsredrive.mover.sqs.SqsEndpoint;
import dev.sqsredrive.mover.sqs.SqsQueueOps;

/**
 * `inspect`: scans a whole DLQ without consuming it. It is the client-side mover's dry run with a scan in place
 * of routing (docs/TRIAGE.md): each receive is handed to the {@link Grouping}, held hidden with its body dropped
 * until the scan ends (so the scan goes on past it instead of receiving it again), then everything is
 * released at once. Nothing is sent or deleted.
 */
public final class Inspection {

    /**
     * Receives under way at once, fixed: a raw receive loop peaks around 16 (docs/PERFORMANCE.md), and a scan
     * has no sends or deletes whose latency an adaptive limit would read.
     */
    static final int WORKERS = 16;
    /**
     * How long a received message stays hidden before its hold is extended. The move's 30 s would extend every
     * hold of a long scan again and again (at 100,000 messages, thousands of visibility calls, under which
     * ElasticMQ answered 503); 2 minutes, the step held messages are extended by, lets most scans end first.
     * A scan that is killed leaves its messages hidden that long at most; Ctrl-C releases them at once.
     */
    public static final Duration VISIBILITY = Duration.ofMinutes(2);

    /**
     * What the scan found.
     *
     * @param depthAtStart    ApproximateNumberOfMessages when the scan began
     * @param inFlightAtStart ApproximateNumberOfMessagesNotVisible then: held by other consumers
     * @param summary         how the scan ended; its left-behind count is what it could not see
     * @param notReleased     held messages the end of the scan could not release in time: hidden until their
     *                        visibility timeout ({@link #VISIBILITY} at most) runs out
     */
    public record Report(ResolvedQueue queue, long depthAtStart, long inFlightAtStart, Long max,
                         Grouping.Result result, MoveSummary summary, int notReleased) {

        public boolean fifo() {
            return queue.fifo();
        }
    }

    private final SqsClients clients;
    private final Clocks clocks;
    private final AtomicReference<ClientMover> running = new AtomicReference<>();
    private volatile StopReason stopBeforeStart;

    public Inspection(SqsClients clients, Clocks clocks) {
        this.clients = clients;
        this.clocks = clocks;
    }

    /** Stops the scan (Ctrl-C), from any thread: what it holds is released. */
    public void stop(StopReason reason) {
        stopBeforeStart = reason;
        ClientMover m = running.get();
        if (m != null) {
            m.stop(reason);
        }
    }

    /**
     * @param queue    the DLQ, resolved (its attributes read just now)
     * @param max      stop after this many messages; null for all
     */
    public Report run(ResolvedQueue queue, Long max, Grouping grouping, ProgressListener listener)
            throws InterruptedException {
        long depth = queue.approximateDepth();
        long inFlight = inFlight(queue);
        MoverConfig config = MoverConfig.builder(queue.url(), queue.arn()).concurrency(WORKERS).limit(max)
                .visibilityTimeout(VISIBILITY)
                .scan(grouping).toMove(max == null ? depth : Math.min(max, depth)).build();
        SqsEndpoint endpoint = new SqsEndpoint(new SqsQueueOps(url -> clients.withoutRetries(QueueRef.parse(url)),
                clients::longPoll, clients.settings().readTimeout()));
        // Never asked: the scan hands every message to the grouping before any routing.
        Routing noRouting = new Routing(null, null, 0, arn -> Optional.empty());
        ClientMover mover = new ClientMover(config, endpoint, noRouting, null, java.util.Set.of(), clocks);
        running.set(mover);
        if (stopBeforeStart != null) {
            mover.stop(stopBeforeStart);
        }
        MoveSummary summary = mover.run(listener);
        return new Report(queue, depth, inFlight, max, grouping.result(), summary, mover.notReleased());
    }

    /** The instant age buckets are measured from: the scan's start, by the injected clock. */
    public Instant start() {
        return clocks.wall().instant();
    }

    /** Messages other consumers held when the scan began: it cannot see them. */
    private static long inFlight(ResolvedQueue q) {
        try {
            return Long.parseLong(q.attributes().getOrDefault("ApproximateNumberOfMessagesNotVisible", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
