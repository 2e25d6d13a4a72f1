package dev.sqsredrive.aws;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The scheduler of the SDK's call and attempt timeouts, shared by one run's clients. The SDK's own (five threads a
 * client) keeps a timeout it cancelled queued until its time comes: every call that ended in the last 30 to 60 s
 * (--cli-read-timeout and twice it), each with the thread that made it and its HTTP connection's buffers. At 128
 * workers that was thousands of calls and most of what survived a full collection, growing with the run's length
 * (docs/PERFORMANCE.md, "Memory at 16, 64 and 128 workers"). This one drops a timeout when it is cancelled.
 */
final class CallTimeouts {

    /** A timeout that fires only interrupts its call and aborts its request: quick work, rarely done. */
    private static final int THREADS = 2;

    private CallTimeouts() {
    }

    static ScheduledThreadPoolExecutor scheduler() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(THREADS, task -> {
            Thread thread = new Thread(task, "sdk-timeouts");
            thread.setDaemon(true); // as the SDK's own: never what keeps the JVM from exiting
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
