package dev.sqsredrive.mover;

import java.time.Duration;

import dev.sqsredrive.time.Ticker;

/**
 * The number of workers that finds itself (docs/MOVER.md "Concurrency"), judged once per interval of the run's
 * own measurements.
 * <ul>
 *   <li>It starts at {@link #START} ({@link #START_UNDER_RATE} under a --rate, {@link #start}), and doubles
 *   while each doubling pays (slow start); after the first step that did not, it probes steps of {@link #STEP}
 *   times itself, one every {@link #PROBE_WAIT} intervals.</li>
 *   <li>A step pays when it raised the throughput by at least {@link #ELASTICITY} of itself in log terms (a
 *   doubling +15 %, a step of 1.5 +8.4 %), judged by Little's law: the workers' throughput is the calls in
 *   flight over their latency, so a step that left the latency flat raised it in proportion, and one under
 *   which the latency grew as fast as the workers (the CPU, not the round trip, the limit) bought nothing. The
 *   latency, averaged over hundreds of calls, is steadier than one quarter second's count of messages, which
 *   only has to show that the step was not idle: it must have risen ({@link #RISE_SHARE} of the step), so
 *   that workers waiting on a --rate or a slow destination, whose calls stay fast, are not added. A step that
 *   did not pay is taken back.</li>
 *   <li>It cuts to {@link #BACK_OFF} of itself (never below the minimum) when SQS or KMS throttles a call, at
 *   most once per interval, and when the calls' latency rose above {@link #QUEUEING} times the best seen while
 *   the throughput fell by {@link #FALL} or more: the calls queue somewhere (the CPU, the endpoint) and the
 *   workers only lengthen the queue. After a cut it probes again only after {@link #PROBE_WAIT} intervals.</li>
 * </ul>
 * An interval ends when it has lasted {@link #INTERVAL}, seen two calls per working worker and
 * {@link #MIN_MOVED} messages moved: enough that one interval's throughput compares with the next
 * (a run under --rate 50 judges every four seconds, a fast one every quarter second). The interval right after a
 * change of the limit is not judged: its calls began partly before the change; nor is the run's first. Time is
 * the injected ticker's; the decision is taken by whichever call ends the interval.
 */
public final class AdaptiveLimit extends ConcurrencyLimit {

    public static final int MIN = 1;
    /** Without --rate: the old fixed default, where two cores ran out under +20 ms (docs/MOVER.md "Concurrency"). */
    public static final int START = 16;
    /** Under --rate, which bounds the throughput, not the workers; a worker waiting for it holds its messages. */
    public static final int START_UNDER_RATE = 4;
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int MIN_MOVED = 200;
    static final double BACK_OFF = 0.7;
    static final double QUEUEING = 2.0;
    /** A step of s times the workers is kept when it raised the throughput s^ELASTICITY times. */
    static final double ELASTICITY = 0.2;
    /** Share of a step's promised gain that the messages counted must show, however flat the latency. */
    static final double RISE_SHARE = 0.1;
    /** After slow start, a probe is this many times the workers (at least one more). */
    static final double STEP = 1.5;
    /** Intervals between probes after a step taken back or a cut. */
    static final int PROBE_WAIT = 4;
    /** A throughput this much below the last interval's fell beyond the noise of a loaded machine. */
    static final double FALL = 0.1;
    /** The best latency seen is forgotten slowly (×1.05 an interval), so that one quiet moment does not rule. */
    static final double BEST_DRIFT = 1.05;

    private final Ticker ticker;
    private final int min;
    private final int max;
    private volatile int current;
    private volatile int peak;

    private boolean slowStart = true;
    private long intervalStart;
    private long movedInInterval;
    private long calls;
    private long callNanos;
    private long lastCutAt;
    private double lastRate = -1;
    private double lastLatency;
    private int wait;
    private int lastLimit;
    private boolean steppedUp;
    /** True from the start too: the run's first interval is the JVM's and the connections' warm-up. */
    private boolean settling = true;
    private double bestLatency = Double.MAX_VALUE;

    /** Between {@link #MIN} and {@code max} workers, as a run at this --rate (or null) starts: {@link #start}. */
    public AdaptiveLimit(int max, Double rate, Ticker ticker) {
        this(MIN, Math.min(start(rate), max), max, ticker);
    }

    /** The workers a run starts with: {@link #START}, or {@link #START_UNDER_RATE} under a --rate. */
    public static int start(Double rate) {
        return rate == null ? START : START_UNDER_RATE;
    }

    AdaptiveLimit(int min, int start, int max, Ticker ticker) {
        if (min < 1 || start < min || max < start) {
            throw new IllegalArgumentException("bounds " + min + " <= " + start + " <= " + max);
        }
        this.ticker = ticker;
        this.min = min;
        this.max = max;
        this.current = start;
        this.peak = start;
        this.intervalStart = ticker.nanos();
        this.lastCutAt = intervalStart - INTERVAL.toNanos();
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int peak() {
        return peak;
    }

    @Override
    public boolean adaptive() {
        return true;
    }

    @Override
    public int min() {
        return min;
    }

    @Override
    public void callEnded(long nanos, boolean throttled) {
        boolean rose;
        synchronized (this) {
            long now = ticker.nanos();
            if (throttled) {
                if (now - lastCutAt >= INTERVAL.toNanos()) {
                    cut(now); // once per interval: one burst of throttled calls is one signal, not twenty
                }
                return;
            }
            calls++;
            callNanos += nanos;
            rose = decideIfDue(now);
        }
        if (rose) {
            turnsChanged();
        }
    }

    @Override
    public void moved(int messages) {
        boolean rose;
        synchronized (this) {
            movedInInterval += messages;
            rose = decideIfDue(ticker.nanos());
        }
        if (rose) {
            turnsChanged();
        }
    }

    /** @return true when the limit rose (waiting workers are to be woken, outside this lock) */
    private boolean decideIfDue(long now) {
        long elapsed = now - intervalStart;
        if (elapsed < INTERVAL.toNanos() || calls < 2L * current || movedInInterval < MIN_MOVED) {
            return false;
        }
        if (settling) {
            // The first interval after a change (a step, a step taken back, a cut) mixes calls made before it
            // with calls made after: its latency is still mostly the old one, which made every step look paid
            // by Little's law and ran the workers to the bound. It is let pass; the next one, whose calls all
            // began after the change, is judged.
            settling = false;
            restart(now);
            return false;
        }
        double rate = movedInInterval * 1e9 / elapsed;
        double latency = (double) callNanos / calls;
        bestLatency = Math.min(bestLatency * BEST_DRIFT, latency);
        int before = current;
        if (latency > QUEUEING * bestLatency && rate < lastRate * (1 - FALL)) {
            slowStart = false;
            set(cutTo());
            wait = PROBE_WAIT;
            // Once per doubling of the latency: the same latency next interval is no new signal, and a slower
            // endpoint (whose every call takes longer, whatever the workers) does not cut the limit to nothing.
            bestLatency = latency;
        } else if (steppedUp && !paid((double) before / lastLimit, rate, latency)) {
            slowStart = false;
            set(lastLimit); // the step bought too little: taken back
            wait = PROBE_WAIT;
        } else if (wait > 0) {
            wait--;
        } else {
            set(slowStart ? before * 2 : Math.max(before + 1, (int) Math.ceil(before * STEP)));
        }
        steppedUp = current > before;
        settling = current != before;
        lastLimit = before;
        // After fewer workers (a step taken back, a cut) less is moved by design: that fall is no sign of
        // queueing, so the next interval is not compared with this one (it cut 64 workers to 44 after 128 was
        // taken back, where the latency had been rising with the throughput all along).
        lastRate = current < before ? -1 : rate;
        lastLatency = latency;
        restart(now);
        return current > before;
    }

    private void restart(long now) {
        intervalStart = now;
        movedInInterval = 0;
        calls = 0;
        callNanos = 0;
    }

    /**
     * Whether a step of {@code step} times the workers paid: the throughput Little's law gives for the latency
     * the step caused rose step^ELASTICITY times, and the throughput counted rose at all. The count alone never
     * decides: one quarter second's count swings by a tenth and more on a loaded machine, and when it could
     * accept a step by itself, its swings accepted probes that nothing took back (under +20 ms per call the
     * workers ratcheted up to 99, moving less than 16 did).
     */
    private boolean paid(double step, double rate, double latency) {
        double counted = rate / lastRate;
        double byLatency = step * lastLatency / latency;
        return counted >= 1 + RISE_SHARE * (step - 1) && byLatency >= Math.pow(step, ELASTICITY);
    }

    private void cut(long now) {
        slowStart = false;
        wait = PROBE_WAIT;
        set(cutTo());
        lastCutAt = now;
        settling = true; // this interval is let pass, as after any change
        lastRate = -1; // and the next one is not compared with one of more workers (see decideIfDue)
        steppedUp = false;
    }

    private int cutTo() {
        return (int) Math.floor(current * BACK_OFF);
    }

    private void set(int limit) {
        current = Math.max(min, Math.min(max, limit));
        peak = Math.max(peak, current);
    }
}
