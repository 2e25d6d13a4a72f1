package dev.sqsredrive.mover;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A rendezvous of one item between a worker's receiving half and its moving half: the giver waits until the
 * taker has the item, or until the taker is gone; each side wakes on the other's move, never on a timer. A
 * ReentrantLock, not synchronized: a virtual thread parked here leaves its carrier free on any JDK.
 */
final class HandOff<T> {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private T item;
    private boolean takerGone;

    /** Waits until the taker has {@code t}; false when the taker is gone (the item stays the giver's). */
    boolean give(T t) throws InterruptedException {
        lock.lock();
        try {
            while (item != null && !takerGone) {
                changed.await();
            }
            if (takerGone) {
                return false;
            }
            item = t;
            changed.signalAll();
            while (item == t && !takerGone) {
                changed.await();
            }
            if (item == t) { // the taker left without it
                item = null;
                return false;
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next item. */
    T take() throws InterruptedException {
        lock.lock();
        try {
            while (item == null) {
                changed.await();
            }
            T t = item;
            item = null;
            changed.signalAll();
            return t;
        } finally {
            lock.unlock();
        }
    }

    /** The taker takes nothing more: a giver waiting, or coming, gets false at once. */
    void takerGone() {
        lock.lock();
        try {
            takerGone = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
