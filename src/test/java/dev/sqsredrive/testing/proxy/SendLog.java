package dev.sqsredrive.testing.proxy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * When messages were sent, as seen on the wire: one mark per successful SendMessage(Batch) call, stamped
 * when the request arrived (that is when the sender's rate limiter let it go), with the number of entries
 * the server accepted. Answers the rate questions: achieved rate, worst one-second window.
 */
public final class SendLog {

    private record Mark(long nanos, int messages) {
    }

    private final List<Mark> marks = new ArrayList<>();

    synchronized void record(long arrivalNanos, int messages) {
        if (messages > 0) {
            marks.add(new Mark(arrivalNanos, messages));
        }
    }

    private synchronized List<Mark> sorted() {
        List<Mark> copy = new ArrayList<>(marks);
        copy.sort(Comparator.comparingLong(Mark::nanos));
        return copy;
    }

    public synchronized long messages() {
        return marks.stream().mapToLong(Mark::messages).sum();
    }

    public synchronized void clear() {
        marks.clear();
    }

    /** The most messages sent within any window of this length (a sliding window, not clock seconds). */
    public long worstWindow(long windowNanos) {
        return worst(windowNanos)[0];
    }

    /** Seconds from the first send to the start of the worst window (where to look). */
    public double worstWindowStart(long windowNanos) {
        return worst(windowNanos)[1] / 1e9;
    }

    /** {most messages in a window, its start in nanoseconds after the first send}. */
    private long[] worst(long windowNanos) {
        List<Mark> m = sorted();
        long worst = 0;
        long worstStart = 0;
        long inWindow = 0;
        int start = 0;
        for (Mark end : m) {
            inWindow += end.messages();
            while (end.nanos() - m.get(start).nanos() >= windowNanos) {
                inWindow -= m.get(start).messages();
                start++;
            }
            if (inWindow > worst) {
                worst = inWindow;
                worstStart = m.get(start).nanos() - m.getFirst().nanos();
            }
        }
        return new long[] {worst, worstStart};
    }

    /** Clock seconds (counted from the first send) in which more than {@code limit} messages were sent. */
    public long secondsAbove(long limit) {
        List<Mark> m = sorted();
        if (m.isEmpty()) {
            return 0;
        }
        java.util.Map<Long, Long> perSecond = new java.util.HashMap<>();
        long start = m.getFirst().nanos();
        m.forEach(mark -> perSecond.merge((mark.nanos() - start) / 1_000_000_000L, (long) mark.messages(), Long::sum));
        return perSecond.values().stream().filter(n -> n > limit).count();
    }

    /** Clock seconds (counted from the first send) that saw a send. */
    public long seconds() {
        List<Mark> m = sorted();
        return m.isEmpty() ? 0 : (m.getLast().nanos() - m.getFirst().nanos()) / 1_000_000_000L + 1;
    }

    /**
     * Messages per second between the first and the last send, not counting the last call's messages (they
     * close the interval rather than fill it). 0 with fewer than two calls.
     */
    public double achievedRate() {
        List<Mark> m = sorted();
        if (m.size() < 2) {
            return 0;
        }
        long total = m.stream().mapToLong(Mark::messages).sum() - m.getLast().messages();
        double seconds = (m.getLast().nanos() - m.getFirst().nanos()) / 1e9;
        return total / seconds;
    }
}
