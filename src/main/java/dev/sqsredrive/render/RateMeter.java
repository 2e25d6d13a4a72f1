package dev.sqsredrive.render;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The current move rate, from successive polls of the moved count. SQS's counts are approximate and come
 * in steps, so the rate is taken over a sliding window rather than between the last two polls, which
 * would swing between zero and bursts.
 */
public final class RateMeter {

    /** Long enough to smooth SQS's stepwise counts, short enough to follow a rate change within a minute. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(30);
    /** Below this span a rate is mostly noise. */
    private static final Duration MIN_SPAN = Duration.ofMillis(500);

    private record Sample(Instant at, long moved) {
    }

    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public RateMeter(Duration window) {
        this.window = window;
    }

    public RateMeter() {
        this(DEFAULT_WINDOW);
    }

    /** Records one poll. A count that went down (a new task, a reset counter) starts the window over. */
    public void add(Instant at, long moved) {
        Sample last = samples.peekLast();
        if (last != null && (moved < last.moved() || at.isBefore(last.at()))) {
            samples.clear();
        }
        samples.addLast(new Sample(at, moved));
        // Keep one sample at or before the window's start, so the window is always fully covered.
        while (samples.size() > 2) {
            var it = samples.iterator();
            it.next();
            Sample second = it.next();
            if (Duration.between(second.at(), at).compareTo(window) >= 0) {
                samples.removeFirst();
            } else {
                break;
            }
        }
    }

    /** Messages per second over the window, or null while there is too little to tell. */
    public Double perSecond() {
        if (samples.size() < 2) {
            return null;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        Duration span = Duration.between(first.at(), last.at());
        if (span.compareTo(MIN_SPAN) < 0) {
            return null;
        }
        return (last.moved() - first.moved()) * 1000.0 / span.toMillis();
    }
}
