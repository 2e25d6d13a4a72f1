package dev.sqsredrive.mover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;

import dev.sqsredrive.time.Ticker;

/**
 * The visibility changes (keep hidden, release) of the held messages, in batches of 10. Extensions run on
 * virtual threads of their own, one attempt each (the next tick tries again), so the ticking thread never
 * waits on a call; the final release runs its batches side by side and is waited for only so long.
 * <p>
 * An extension already sent when the final release starts may reach SQS after it and hide its messages again
 * (a parked one for 2 minutes after the run ended): those are released at once and again once that extension
 * has answered, so the release is the last change SQS gets, within the same bound.
 */
final class VisibilityCalls {

    /**
     * Calls at once, extensions and the final release each: enough for a long scan's parked messages, few for the
     * endpoint, and few threads: one per call cost a scan of 100,000 messages 10,000 threads and 25 MB of their
     * stacks (docs/PERFORMANCE.md, inspect). A permit is a virtual thread making calls; the extensions waiting
     * for one are small tasks in a queue, not parked threads.
     */
    private static final int CALLS_AT_ONCE = 16;

    private final Source source;
    private final Ticker ticker;
    private final Retry retry;
    private final Semaphore callers = new Semaphore(CALLS_AT_ONCE);
    private final Queue<Runnable> extensions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger names = new AtomicInteger();
    /** The extensions whose calls are under way, each opened when answered. */
    private final Set<Extension> underWay = ConcurrentHashMap.newKeySet();
    private volatile boolean released;

    private record Extension(List<Msg> messages, CountDownLatch answered) {
    }

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
        if (released) {
            confirmed.accept(Set.of());
            return;
        }
        extensions.add(() -> {
            Set<String> ok = new HashSet<>();
            Extension call = new Extension(messages, new CountDownLatch(1));
            underWay.add(call); // before reading released: the final release either sees it or is seen by it
            try {
                for (List<Msg> batch : Batches.split(messages, m -> 0)) {
                    if (released) {
                        return;
                    }
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
                underWay.remove(call);
                call.answered.countDown();
                confirmed.accept(ok);
            }
        });
        if (callers.tryAcquire()) {
            Thread.ofVirtual().name("redrive-visibility-" + names.getAndIncrement()).start(this::extendQueued);
        }
    }

    /** Makes the queued extensions' calls until none is left; the permit goes back with nothing left behind. */
    private void extendQueued() {
        do {
            try {
                for (Runnable next = extensions.poll(); next != null; next = extensions.poll()) {
                    next.run();
                }
            } finally {
                callers.release();
            }
            // One queued after the last poll, when every permit was taken, would wait for the next extension.
        } while (!extensions.isEmpty() && callers.tryAcquire());
    }

    /**
     * Releases these (visibility 0), batches side by side, waiting at most {@code within}; then no more
     * extensions are made. Those of an extension still under way are released again once it has answered.
     *
     * @return how many were not confirmed released
     */
    int releaseAll(List<Msg> messages, Duration within) throws InterruptedException {
        long deadline = ticker.nanos() + within.toNanos();
        released = true; // extensions still waiting would hide again what is released now
        List<Extension> racing = List.copyOf(underWay);
        Set<String> handles = new HashSet<>();
        messages.forEach(m -> handles.add(m.receiptHandle()));
        Set<String> racingHandles = new HashSet<>();
        List<Release> jobs = new ArrayList<>();
        List<Release> again = new ArrayList<>();
        for (Extension e : racing) {
            List<Msg> ours = e.messages().stream().filter(m -> handles.contains(m.receiptHandle())).toList();
            ours.forEach(m -> racingHandles.add(m.receiptHandle()));
            for (List<Msg> batch : Batches.split(ours, m -> 0)) {
                jobs.add(new Release(batch, null, false)); // at once: the extension may yet fail or be stuck
                again.add(new Release(batch, e.answered(), true));
            }
        }
        List<Msg> others = messages.stream().filter(m -> !racingHandles.contains(m.receiptHandle())).toList();
        for (List<Msg> batch : Batches.split(others, m -> 0)) {
            jobs.add(new Release(batch, null, true));
        }
        jobs.addAll(again); // last: they wait for their extension's answer
        return release(jobs, deadline, retry.within(within));
    }

    /**
     * One release call's batch; {@code after} (else null) must open first; {@code counted}: whether its outcome
     * is the message's last (a batch released again later is not).
     */
    private record Release(List<Msg> batch, CountDownLatch after, boolean counted) {
    }

    private int release(List<Release> jobs, long deadline, Retry bounded) throws InterruptedException {
        // What each job left unreleased; one not reached (or not answered) in time counts whole.
        AtomicIntegerArray left = new AtomicIntegerArray(jobs.size());
        for (int i = 0; i < jobs.size(); i++) {
            left.set(i, jobs.get(i).counted() ? jobs.get(i).batch().size() : 0);
        }
        AtomicInteger next = new AtomicInteger(); // a few threads take the batches in turn
        int releasers = Math.min(CALLS_AT_ONCE, jobs.size());
        CountDownLatch done = new CountDownLatch(releasers);
        for (int w = 0; w < releasers; w++) {
            Thread.ofVirtual().name("redrive-release-" + w).start(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < jobs.size() && ticker.nanos() <= deadline;
                         i = next.getAndIncrement()) {
                        Release job = jobs.get(i);
                        if (job.after() != null && !retry.sleeper().sleepUntil(job.after(), remaining(deadline))) {
                            continue; // its extension may still land: the messages may be hidden again
                        }
                        int failed = changeWith(bounded, job.batch(), 0);
                        if (job.counted()) {
                            left.set(i, failed);
                        }
                    }
                } catch (InterruptedException | RuntimeException e) {
                    // its current batch stays counted as not released
                } finally {
                    done.countDown();
                }
            });
        }
        // The bound is a time (the stop's promise), on the injected clock; the last releaser's end cuts it short.
        retry.sleeper().sleepUntil(done, remaining(deadline));
        // calls still under way are left to their own timeouts
        int notReleased = 0;
        for (int i = 0; i < jobs.size(); i++) {
            notReleased += left.get(i);
        }
        return notReleased;
    }

    private Duration remaining(long deadline) {
        return Duration.ofNanos(Math.max(0, deadline - ticker.nanos()));
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
