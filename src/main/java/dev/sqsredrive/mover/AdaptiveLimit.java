package dev.sqsredrive.mover;

import java.time.Duration;

import dev.sqsredrive.time.Ticker;

/**
 * The number of workers that finds itself (docs/MOVER.md "Concurrency"): AIMD, as TCP does, judged once per
 * interval of the run's own measurements.
 * <ul>
 *   <li>It starts at {@link #START}, and doubles while each doubling pays (slow start), so that a run against a
 *   far endpoint reaches its tens of workers within a few seconds.</li>
 *   <li>Then it adds one worker at a time. A step up that did not raise the throughput by at least 30 % of what
 *   it promised (a doubling 30 %, one worker more of 20 1.5 %) is taken back: at a plateau the limit stays
 *   within one of where the throughput stopped rising, and a --rate or a slow destination keeps it small.</li>
 *   <li>It cuts to {@link #BACK_OFF} of itself (never below the minimum) when SQS or KMS throttles a call, at
 *   most once per interval, and when the calls' latency rose above {@link #QUEUEING} times the best seen while
 *   the throughput fell by {@link #FALL} or more: the calls queue somewhere (the CPU, the endpoint) and the
 *   workers only lengthen the queue. A throughput that merely did not rise is no such sign: on a shared
 *   two-core machine under +20 ms the latency doubled with the workers while the throughput still rose, and
 *   cutting then kept the run at half the speed of a fixed 64.</li>
 * </ul>
 * An interval ends when it has lasted {@link #INTERVAL}, seen two calls per working worker and
 * {@link #MIN_MOVED} messages moved: enough that one interval's throughput compares with the next
 * (a run under --rate 50 judges every four seconds, a fast one every quarter second). Time is the injected
 * ticker's; the decision is taken by whichever call ends the interval.
 */
public final class AdaptiveLimit extends ConcurrencyLimit {

    public static final int MIN = 1;
    public static final int START = 4;
    static final Duration INTERVAL = Duration.ofMillis(250);
    static final int MIN_MOVED = 200;
    static final double BACK_OFF = 0.7;
    static final double QUEUEING = 2.0;
    /** Share of a step's promised gain that it must deliver to be kept (a doubling: +30 %). */
    static final double GAIN_SHARE = 0.3;
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
    private boolean cutSince;
    private double lastRate = -1;
    private int lastLimit;
    private boolean steppedUp;
    private double bestLatency = Double.MAX_VALUE;

    /** Between {@link #MIN} and {@code max} workers, starting at {@link #START} (or max, when smaller). */
    public AdaptiveLimit(int max, Ticker ticker) {
        this(MIN, Math.min(START, max), max, ticker);
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
        double rate = movedInInterval * 1e9 / elapsed;
        double latency = (double) callNanos / calls;
        bestLatency = Math.min(bestLatency * BEST_DRIFT, latency);
        int before = current;
        boolean paid = lastRate < 0 || rate >= lastRate * (1 + GAIN_SHARE * (before - lastLimit) / lastLimit);
        if (cutSince) {
            // throttled meanwhile: this interval is not compared; the next one starts from here
        } else if (latency > QUEUEING * bestLatency && rate < lastRate * (1 - FALL)) {
            slowStart = false;
            set(cutTo());
            // Once per doubling of the latency: the same latency next interval is no new signal, and a slower
            // endpoint (whose every call takes longer, whatever the workers) does not cut the limit to nothing.
            bestLatency = latency;
        } else if (steppedUp && !paid) {
            slowStart = false;
            set(lastLimit); // the step bought nothing: taken back
        } else {
            set(slowStart ? before * 2 : before + 1);
        }
        steppedUp = current > before;
        lastLimit = before;
        lastRate = rate;
        cutSince = false;
        intervalStart = now;
        movedInInterval = 0;
        calls = 0;
        callNanos = 0;
        return current > before;
    }

    private void cut(long now) {
        slowStart = false;
        set(cutTo());
        lastCutAt = now;
        cutSince = true;
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
