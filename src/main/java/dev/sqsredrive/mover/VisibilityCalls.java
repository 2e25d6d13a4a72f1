package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import dev.sqsredrive.time.Ticker;

/**
 * The visibility changes (keep hidden, release) of the held messages, in batches of 10. Extensions run on threads
 * of their own, one attempt each (the next tick tries again), so the ticking thread never waits on a call;
 * the final release runs its batches side by side and is waited for only so long.
 */
final class VisibilityCalls {

    /** Calls at once in the final release: enough for a long scan's parked messages, few for the endpoint. */
    private static final int RELEASE_CALLS_AT_ONCE = 16;

    private final Source source;
    private final Ticker ticker;
    private final Retry retry;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    VisibilityCalls(Source source, Ticker ticker, Retry retry) {
        this.source = source;
        this.ticker = ticker;
        this.retry = retry;
    }

    /** Changes the visibility now, with retries (a worker's release); best effort. */
    void change(List<Msg> messages, int seconds) throws InterruptedException {
        for (List<Msg> batch : Batches.split(messages, m -> 0)) {
            changeWith(retry, batch, seconds);
        }
    }

    /** One attempt per batch, on another thread; {@code confirmed} then gets the MessageIds SQS confirmed. */
    void extend(List<Msg> messages, Duration extension, Consumer<Set<String>> confirmed) {
        try {
            threads.execute(() -> {
                Set<String> ok = new HashSet<>();
                try {
                    for (List<Msg> batch : Batches.split(messages, m -> 0)) {
                        BatchResult r = source.keepHidden(entries(batch), (int) extension.toSeconds());
                        for (int i = 0; i < batch.size(); i++) {
                            if (r.succeeded().contains("v" + i)) {
                                ok.add(batch.get(i).id());
                            }
                        }
                    }
                } catch (RuntimeException e) {
                    if (retry.failures().classify(e) == null) {
                        throw e;
                    }
                    // not extended: the next tick tries again, and a hold nearly up is not sent
                } finally {
                    confirmed.accept(ok);
                }
            });
        } catch (RejectedExecutionException ended) {
            confirmed.accept(Set.of());
        }
    }

    /**
     * Releases these (visibility 0), batches side by side, waiting at most {@code within}; then no more
     * calls are made.
     *
     * @return how many were not confirmed released
     */
    int releaseAll(List<Msg> messages, Duration within) throws InterruptedException {
        long deadline = ticker.nanos() + within.toNanos();
        Retry bounded = retry.within(within);
        Semaphore atOnce = new Semaphore(RELEASE_CALLS_AT_ONCE);
        List<Future<Integer>> pending = new ArrayList<>();
        List<List<Msg>> batches = Batches.split(messages, m -> 0);
        for (List<Msg> batch : batches) {
            pending.add(threads.submit(() -> {
                atOnce.acquire();
                try {
                    return ticker.nanos() > deadline ? batch.size() : changeWith(bounded, batch, 0);
                } finally {
                    atOnce.release();
                }
            }));
        }
        int notReleased = 0;
        for (int i = 0; i < pending.size(); i++) {
            try {
                long left = Math.max(0, deadline - ticker.nanos());
                notReleased += pending.get(i).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                notReleased += batches.get(i).size();
            }
        }
        threads.shutdown(); // calls still under way are left to their own timeouts
        return notReleased;
    }

    /** @return how many of the batch SQS did not confirm */
    private int changeWith(Retry r, List<Msg> batch, int seconds) throws InterruptedException {
        List<Entry> entries = entries(batch);
        try {
            return r.run(entries, Entry::id, es -> seconds == 0 ? source.release(es) : source.keepHidden(es, seconds),
                    () -> { }).failed().size();
        } catch (RuntimeException e) {
            if (r.failures().classify(e) == null) {
                throw e;
            }
            // Best effort: a message whose visibility cannot be changed becomes visible when it runs out.
            return batch.size();
        }
    }

    private static List<Entry> entries(List<Msg> batch) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            entries.add(new Entry("v" + i, batch.get(i)));
        }
        return entries;
    }
}
