package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import dev.sqsredrive.mover.guard.Canary;
import dev.sqsredrive.mover.guard.MaxReturned;

/**
 * How one client-side move runs; built with {@link #builder}, every option with its default.
 * <ul>
 *   <li>{@code rate}: messages per second, any positive number; null for as fast as the queues allow</li>
 *   <li>{@code concurrency}: workers, each sending one batch at a time, its next receive and its deletes
 *   under way meanwhile; null (the default) for as many as pay, found as the run goes ({@link AdaptiveLimit},
 *   1 to {@link #MAX_CONCURRENCY})</li>
 *   <li>{@code limit}: stop after this many messages moved; null for all</li>
 *   <li>{@code copy}: send without deleting; {@code dryRun}: count and sample what would move, move nothing
 *       ({@code showBodies}: the samples show bodies)</li>
 *   <li>{@code filters}: all must match for a message to move</li>
 *   <li>{@code scan}: a scan that only looks (`inspect`): every message received is handed to it, then held,
 *       bodies dropped, until the run ends and releases all at once; nothing is routed, sent or deleted</li>
 *   <li>{@code visibilityTimeout}: how long a received message stays hidden; extended while still held</li>
 *   <li>{@code waitSeconds}: long-poll wait of each receive; an empty answer after it means the DLQ is drained</li>
 *   <li>{@code tick}: how often progress is reported and held messages' visibility checked</li>
 *   <li>{@code awaitInFlight}: when the DLQ looks drained but holds messages in flight that this run does not
 *       (an earlier run on it stopped without finishing), wait for them to come back</li>
 *   <li>{@code toMove}: about how many messages there are to move, if known (for progress)</li>
 *   <li>{@code maxReturned}, {@code canary}, {@code maxBacklog}: the safe-redrive guards (mover/guard); the
 *       one-pass rule always applies</li>
 * </ul>
 */
public final class MoverConfig {

    public static final Duration DEFAULT_VISIBILITY = Duration.ofSeconds(30);
    public static final int DEFAULT_WAIT_SECONDS = 1;
    public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
    /** The most workers a run starts, fixed or adaptive (docs/MOVER.md "Concurrency"). */
    public static final int MAX_CONCURRENCY = 128;

    private final Builder b;

    private MoverConfig(Builder b) {
        this.b = b.copy();
    }

    /** @param sourceUrl the DLQ; @param sourceArn its ARN */
    public static Builder builder(String sourceUrl, String sourceArn) {
        return new Builder(sourceUrl, sourceArn);
    }

    public String sourceUrl() {
        return b.sourceUrl;
    }

    public String sourceArn() {
        return b.sourceArn;
    }

    public Double rate() {
        return b.rate;
    }

    /** The workers started: the fixed number, or the adaptive limit's most. */
    public int concurrency() {
        return b.concurrency == null ? MAX_CONCURRENCY : b.concurrency;
    }

    /** The run's limit on its working workers, new (it learns as the run goes), on this ticker. */
    public ConcurrencyLimit concurrencyLimit(dev.sqsredrive.time.Ticker ticker) {
        return b.concurrency == null ? new AdaptiveLimit(MAX_CONCURRENCY, b.rate, ticker)
                : ConcurrencyLimit.fixed(b.concurrency);
    }

    public Long limit() {
        return b.limit;
    }

    public boolean copy() {
        return b.copy;
    }

    public boolean dryRun() {
        return b.dryRun;
    }

    public boolean showBodies() {
        return b.showBodies;
    }

    public List<MessageFilter> filters() {
        return b.filters;
    }

    /** The scan every received message is handed to, or null for a move (or a dry run). */
    public Consumer<Msg> scan() {
        return b.scan;
    }

    public Duration visibilityTimeout() {
        return b.visibilityTimeout;
    }

    public int waitSeconds() {
        return b.waitSeconds;
    }

    public Duration tick() {
        return b.tick;
    }

    public boolean awaitInFlight() {
        return b.awaitInFlight;
    }

    public Long toMove() {
        return b.toMove;
    }

    /** The breaker's bound; {@link MaxReturned#DEFAULT} unless given. */
    public MaxReturned maxReturned() {
        return b.maxReturned;
    }

    /** Messages the canary moves first; null for no canary. */
    public Long canary() {
        return b.canary;
    }

    public Duration canaryWait() {
        return b.canaryWait;
    }

    /** Pause sends to a destination holding this many visible messages; null for no bound. */
    public Long maxBacklog() {
        return b.maxBacklog;
    }

    /** Messages per receive: 10, or fewer under a slow rate so that one batch stays a small burst. */
    public int batchSize() {
        if (b.rate == null) {
            return Batches.MAX_ENTRIES;
        }
        return (int) Math.max(1, Math.min(Batches.MAX_ENTRIES, Math.floor(b.rate)));
    }

    /** The options of a move, each set at most once, the rest left at their defaults. */
    public static final class Builder {
        private final String sourceUrl;
        private final String sourceArn;
        private Double rate;
        private Integer concurrency = 1;
        private Long limit;
        private boolean copy;
        private boolean dryRun;
        private boolean showBodies;
        private List<MessageFilter> filters = List.of();
        private Consumer<Msg> scan;
        private Duration visibilityTimeout = DEFAULT_VISIBILITY;
        private int waitSeconds = DEFAULT_WAIT_SECONDS;
        private Duration tick = DEFAULT_TICK;
        private boolean awaitInFlight;
        private Long toMove;
        private MaxReturned maxReturned = MaxReturned.DEFAULT;
        private Long canary;
        private Duration canaryWait = Canary.DEFAULT_WAIT;
        private Long maxBacklog;

        private Builder(String sourceUrl, String sourceArn) {
            this.sourceUrl = Objects.requireNonNull(sourceUrl, "sourceUrl");
            this.sourceArn = Objects.requireNonNull(sourceArn, "sourceArn");
        }

        public Builder rate(Double perSecond) {
            this.rate = perSecond;
            return this;
        }

        /** @param workers null for adaptive */
        public Builder concurrency(Integer workers) {
            this.concurrency = workers;
            return this;
        }

        public Builder limit(Long messages) {
            this.limit = messages;
            return this;
        }

        public Builder copy(boolean on) {
            this.copy = on;
            return this;
        }

        public Builder dryRun(boolean on) {
            this.dryRun = on;
            return this;
        }

        public Builder showBodies(boolean on) {
            this.showBodies = on;
            return this;
        }

        public Builder filters(List<MessageFilter> all) {
            this.filters = List.copyOf(all);
            return this;
        }

        /** A scan that only looks; it implies a dry run (no rate, no sends). */
        public Builder scan(Consumer<Msg> look) {
            this.scan = look;
            this.dryRun = look != null || dryRun;
            return this;
        }

        public Builder visibilityTimeout(Duration d) {
            this.visibilityTimeout = d;
            return this;
        }

        public Builder waitSeconds(int seconds) {
            this.waitSeconds = seconds;
            return this;
        }

        public Builder tick(Duration d) {
            this.tick = d;
            return this;
        }

        public Builder awaitInFlight(boolean on) {
            this.awaitInFlight = on;
            return this;
        }

        public Builder toMove(Long about) {
            this.toMove = about;
            return this;
        }

        public Builder maxReturned(MaxReturned bound) {
            this.maxReturned = bound == null ? MaxReturned.DEFAULT : bound;
            return this;
        }

        /** @param messages null for no canary; @param wait null for {@link Canary#DEFAULT_WAIT} */
        public Builder canary(Long messages, Duration wait) {
            this.canary = messages;
            this.canaryWait = wait == null ? Canary.DEFAULT_WAIT : wait;
            return this;
        }

        public Builder maxBacklog(Long messages) {
            this.maxBacklog = messages;
            return this;
        }

        public MoverConfig build() {
            return new MoverConfig(this);
        }

        private Builder copy() {
            Builder c = new Builder(sourceUrl, sourceArn);
            c.rate = rate;
            c.concurrency = concurrency;
            c.limit = limit;
            c.copy = copy;
            c.dryRun = dryRun;
            c.showBodies = showBodies;
            c.filters = filters;
            c.scan = scan;
            c.visibilityTimeout = visibilityTimeout;
            c.waitSeconds = waitSeconds;
            c.tick = tick;
            c.awaitInFlight = awaitInFlight;
            c.toMove = toMove;
            c.maxReturned = maxReturned;
            c.canary = canary;
            c.canaryWait = canaryWait;
            c.maxBacklog = maxBacklog;
            return c;
        }
    }
}
