package dev.sqsredrive.matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs cases, a few at a time (each has its own queues, proxy and state directory; most of a case's time is
 * spent waiting out a fault), and returns one row per case in case order. A case that throws becomes a row
 * that failed, with the exception as its story, so one broken case never hides the others.
 */
final class MatrixRunner {

    private final Path workDir;
    private final int parallel;

    MatrixRunner(Path workDir, int parallel) {
        this.workDir = workDir;
        this.parallel = parallel;
    }

    List<MatrixRow> run(List<MatrixCase> cases, long timeoutMinutes) {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<MatrixRow>> futures = new ArrayList<>();
            for (MatrixCase c : cases) {
                futures.add(pool.submit(() -> runOne(c)));
            }
            pool.shutdown();
            if (!pool.awaitTermination(timeoutMinutes, TimeUnit.MINUTES)) {
                throw new AssertionError("the matrix did not finish within " + timeoutMinutes + " minutes");
            }
            List<MatrixRow> rows = new ArrayList<>();
            for (Future<MatrixRow> f : futures) {
                rows.add(f.get());
            }
            return rows;
        } catch (Exception e) {
            throw new AssertionError("running the matrix: " + e, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private MatrixRow runOne(MatrixCase c) {
        try {
            Path stateDir = Files.createDirectories(workDir.resolve("case-" + c.id()));
            if (c.kind().where == FaultKind.Where.LEDGER) {
                return LedgerCases.run(c, stateDir);
            }
            if (c.kind().where == FaultKind.Where.PROCESS) {
                return c.via() == Via.QUEUE ? ProcessCases.run(c, stateDir) : FileCases.run(c, stateDir);
            }
            if (c.via() != Via.QUEUE) {
                return FileCases.run(c, stateDir);
            }
            return c.nativeMode() ? ProxyCases.nativeTask(c, stateDir) : ProxyCases.client(c, stateDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (AssertionError | RuntimeException e) {
            return new MatrixRow(c, 0, 0, 0, 0, 0, 0, 0, "-", List.of("case broke: " + e.getMessage()), e.toString());
        }
    }
}
