package dev.sqsredrive.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.mover.MessageCopy;
import dev.sqsredrive.mover.MessageFilter;
import dev.sqsredrive.mover.Msg;

/**
 * What one group's messages add up to, in constant memory however many there are: counts, bytes, the oldest and
 * newest sent time, the first few origins, receive counts, and one sample (the first message's).
 */
public final class GroupStats {

    /** Origins named per group; beyond them only counted. */
    public static final int ORIGINS_KEPT = 3;

    private long count;
    private long bytes;
    private Instant oldest;
    private Instant newest;
    private final List<String> origins = new ArrayList<>();
    private boolean moreOrigins;
    private long receivesMin = Long.MAX_VALUE;
    private long receivesMax;
    private long receivesSum;
    private long receivesKnown;
    private Sample sample;

    void add(Msg m, Sample.Kind sampling) {
        count++;
        bytes += MessageCopy.size(m);
        Instant sent = MessageFilter.sentAt(m);
        if (sent != null) {
            oldest = oldest == null || sent.isBefore(oldest) ? sent : oldest;
            newest = newest == null || sent.isAfter(newest) ? sent : newest;
        }
        String origin = dev.sqsredrive.mover.FilterTerms.origin(m);
        if (origin != null) {
            addOrigin(origin);
        }
        Long receives = receiveCount(m);
        if (receives != null) {
            receivesMin = Math.min(receivesMin, receives);
            receivesMax = Math.max(receivesMax, receives);
            receivesSum += receives;
            receivesKnown++;
        }
        if (sample == null) {
            sample = Sample.of(m, sampling);
        }
    }

    /** Adds another group's sums to these ("other" is the groups not shown). */
    void merge(GroupStats o) {
        count += o.count;
        bytes += o.bytes;
        oldest = oldest == null || o.oldest != null && o.oldest.isBefore(oldest) ? o.oldest : oldest;
        newest = newest == null || o.newest != null && o.newest.isAfter(newest) ? o.newest : newest;
        o.origins.forEach(this::addOrigin);
        moreOrigins |= o.moreOrigins;
        receivesMin = Math.min(receivesMin, o.receivesMin);
        receivesMax = Math.max(receivesMax, o.receivesMax);
        receivesSum += o.receivesSum;
        receivesKnown += o.receivesKnown;
        sample = sample == null ? o.sample : sample;
    }

    private void addOrigin(String origin) {
        if (origins.contains(origin)) {
            return;
        }
        if (origins.size() < ORIGINS_KEPT) {
            origins.add(origin);
        } else {
            moreOrigins = true;
        }
    }

    private static Long receiveCount(Msg m) {
        String v = m.attribute(Msg.SystemAttribute.APPROXIMATE_RECEIVE_COUNT);
        try {
            return v == null ? null : Long.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public long count() {
        return count;
    }

    public long bytes() {
        return bytes;
    }

    public Instant oldestSent() {
        return oldest;
    }

    public Instant newestSent() {
        return newest;
    }

    public List<String> origins() {
        return List.copyOf(origins);
    }

    /** True when the group came from more origins than {@link #origins()} names. */
    public boolean moreOrigins() {
        return moreOrigins;
    }

    /** Receive counts as SQS told them at this scan's receive (which itself raised each by one). */
    public Long receivesMin() {
        return receivesKnown == 0 ? null : receivesMin;
    }

    public Long receivesMax() {
        return receivesKnown == 0 ? null : receivesMax;
    }

    public Double receivesMean() {
        return receivesKnown == 0 ? null : (double) receivesSum / receivesKnown;
    }

    public Sample sample() {
        return sample;
    }
}
