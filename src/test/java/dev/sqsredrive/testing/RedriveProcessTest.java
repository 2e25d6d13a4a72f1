package dev.sqsredrive.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The harness that runs `redrive` as a real process. */
@Timeout(120)
class RedriveProcessTest {

    @TempDir
    Path work;

    /**
     * Case 37 of the fault matrix once failed with a TimeoutException collecting stdout: the process had ended,
     * but the task that reads its stdout to the end had never run. It ran in the common ForkJoinPool, whose one
     * worker (2 cores: parallelism 1; JDK 25's CompletableFuture uses it even then) was reading another case's
     * process to its end at the same time. Here every worker of the pool is held busy the same way.
     */
    @Test
    void awaitCollectsStdoutWhileTheCommonPoolIsBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> blockers = new ArrayList<>();
        try {
            for (int i = 0; i < ForkJoinPool.getCommonPoolParallelism(); i++) {
                blockers.add(ForkJoinPool.commonPool().submit(() -> {
                    release.await();
                    return null;
                }));
            }
            RunResult r;
            try (RedriveProcess p = RedriveProcess.start(Map.of(), work, "--version")) {
                r = p.await(60);
            }
            assertThat(r.exitCode()).as(r.toString()).isZero();
            assertThat(r.out()).as(r.toString()).isNotBlank();
        } finally {
            release.countDown();
            for (Future<?> b : blockers) {
                b.get();
            }
        }
    }
}
