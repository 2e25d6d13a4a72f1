package dev.sqsredrive.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Runs one SQS call per item with a bounded number in flight: a region of 1,000 queues is surveyed in
 * the time of 1,000 / {@code threads} round trips, not 1,000. Each call is bounded by the SDK's timeouts.
 * One virtual thread per call, as the mover's; a semaphore, not a pool, bounds the calls in flight.
 */
public final class Parallel {

    private Parallel() {
    }

    /** fn applied to every item, results in the items' order; the first failure is rethrown as it was. */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> fn) {
        if (items.size() <= 1) {
            return items.stream().map(fn).toList();
        }
        ExecutorService pool =
                Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("redrive-survey-", 0).factory());
        Semaphore inFlight = new Semaphore(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    inFlight.acquire();
                    try {
                        return fn.apply(item);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            List<R> results = new ArrayList<>(items.size());
            for (Future<R> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
