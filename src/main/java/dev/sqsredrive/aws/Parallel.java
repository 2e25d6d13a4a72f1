package dev.sqsredrive.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one SQS call per item with a bounded number in flight: a region of 1,000 queues is surveyed in
 * the time of 1,000 / {@code threads} round trips, not 1,000. Each call is bounded by the SDK's timeouts.
 */
public final class Parallel {

    private Parallel() {
    }

    /** fn applied to every item, results in the items' order; the first failure is rethrown as it was. */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> fn) {
        if (items.size() <= 1) {
            return items.stream().map(fn).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()),
                Thread.ofPlatform().daemon().name("redrive-survey-", 0).factory());
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> fn.apply(item)));
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
