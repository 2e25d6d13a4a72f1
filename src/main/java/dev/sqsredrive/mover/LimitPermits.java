package dev.sqsredrive.mover;

import java.util.concurrent.atomic.AtomicLong;

/**
 * --limit as permits: a worker takes up to one batch's worth before it receives, and gives back what it did
 * not move, so the workers together never move more than the limit, and a message that failed or was
 * filtered out does not count against it. Neither does deleting what an earlier run sent: that run's own
 * limit counted it (a resumed task's limit left is counted from its journal).
 */
final class LimitPermits {

    private final Long limit;
    private final AtomicLong left;
    private final AtomicLong used = new AtomicLong();

    /** @param limit null for no limit */
    LimitPermits(Long limit) {
        this.limit = limit;
        this.left = limit == null ? null : new AtomicLong(limit);
    }

    /** Up to n permits; 0 when none are left for now (others may still give some back). */
    int take(int n) {
        if (left == null) {
            return n;
        }
        while (true) {
            long now = left.get();
            int take = (int) Math.min(n, Math.max(0, now));
            if (take == 0 || left.compareAndSet(now, now - take)) {
                return take;
            }
        }
    }

    /** Of the permits taken, only those moved are used up. */
    void giveBack(int taken, int moved) {
        if (left != null) {
            used.addAndGet(moved);
            left.addAndGet(taken - moved);
        }
    }

    /** Every permit is used up: the limit is reached. */
    boolean usedUp() {
        return limit != null && used.get() >= limit;
    }
}
