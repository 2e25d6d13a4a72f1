package dev.sqsredrive.matrix;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import dev.sqsredrive.testing.Census;
import dev.sqsredrive.testing.Deadline;
import dev.sqsredrive.testing.MoverSummary;
import dev.sqsredrive.testing.Redrive;
import dev.sqsredrive.testing.RunResult;
import dev.sqsredrive.testing.TestQueues;
import dev.sqsredrive.testing.Tmpfs;

/**
 * The cases of the ledger (issue 17), each a story of its own rather than a proxy fault: an archive whose disk
 * is full from the start or fills up mid-move (a real 64 KiB tmpfs; the matrix runs as root), and an import
 * repeated after it COMPLETED. Then, as an operator would, the same move again (the archive on a disk with
 * room), and every message counted by content.
 */
final class LedgerCases {

    static final int MESSAGES = 400;
    /**
     * Bodies of this size fill a 64 KiB archive after about 150 lines; a FIFO one's is shorter, since the test
     * queues send each under its body as deduplication id (at most 128 characters).
     */
    private static int body(MatrixCase c) {
        return c.fifo() ? 100 : 300;
    }

    private LedgerCases() {
    }

    static MatrixRow run(MatrixCase c, Path stateDir) throws IOException {
        try (TestQueues queues = TestQueues.elasticMq()) {
            Path dir = Files.createDirectories(stateDir.resolveSibling(stateDir.getFileName() + "-files"));
            TestQueues.Queue dlq = queues.create("dlq", c.fifo(), Map.of());
            TestQueues.Queue dest = queues.createSourceOf("dest", dlq, c.fifo());
            Map<String, String> env = queues.env(stateDir);
            return c.kind() == FaultKind.IMPORT_AGAIN ? importAgain(c, queues, dlq, dest, env, dir)
                    : archive(c, queues, dlq, dest, env, dir);
        }
    }

    private static MatrixRow archive(MatrixCase c, TestQueues queues, TestQueues.Queue dlq, TestQueues.Queue dest,
                                     Map<String, String> env, Path dir) throws IOException {
        List<String> bodies = queues.send(dlq, MESSAGES, "a" + c.id() + "-" + "x".repeat(body(c)));
        List<RunResult> runs = new ArrayList<>();
        Path second = dir.resolve("archive-2.ndjson");
        int faults;
        try (Tmpfs disk = Tmpfs.mount(dir.resolve("disk"), "64k")) {
            Path archive = disk.path().resolve("archive.ndjson");
            String[] move = {"start", dlq.name(), "--to", dest.name(), "--archive", archive.toString(), "-o", "json"};
            if (c.kind() == FaultKind.ARCHIVE_FULL) {
                runs.add(Redrive.run(env, move));
            } else {
                // another writer fills the disk once the move is under way
                CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> Redrive.run(env, move));
                int strikeAt = 20 + c.strikeAt();
                Deadline.await(Duration.ofSeconds(60), () -> run.isDone() || queues.depth(dest) >= strikeAt,
                        () -> "the move to reach " + strikeAt);
                fill(disk.path().resolve("filler"));
                runs.add(run.join());
            }
            faults = runs.get(0).err().contains("No space left on device") ? 1 : 0;
            Set<String> archived = new HashSet<>(FileLines.read(archive).bodies());
            // the same move again, its archive where there is room
            runs.add(Redrive.run(env, "start", dlq.name(), "--to", dest.name(), "--archive", second.toString(),
                    "--yes", "-o", "json"));
            archived.addAll(FileLines.read(second).bodies());
            Census census = Census.take(queues, dlq, dest, Duration.ofSeconds(60));
            List<String> problems = common(c, census, bodies, runs);
            Set<String> deleted = new HashSet<>(census.inDestination().keySet());
            deleted.removeAll(census.inSource().keySet());
            deleted.removeAll(archived);
            if (!deleted.isEmpty()) {
                problems.add(deleted.size() + " deleted from the DLQ but in no archive");
            }
            if (faults == 1 && ProxyCases.summaryOf(runs.get(0)).map(s -> s.raw().path("unrecorded").asLong())
                    .orElse(0L) + ProxyCases.summaryOf(runs.get(0)).map(MoverSummary::undeleted).orElse(0L) == 0
                    && !archived.containsAll(census.inDestination().keySet())) {
                problems.add("delivered but not archived, and the first summary counted none unrecorded");
            }
            return row(c, faults, census, bodies, runs, problems, "archived " + archived.size());
        }
    }

    private static MatrixRow importAgain(MatrixCase c, TestQueues queues, TestQueues.Queue dlq, TestQueues.Queue dest,
                                         Map<String, String> env, Path dir) {
        List<String> bodies = queues.send(dlq, 50, "i" + c.id());
        Path file = dir.resolve("import.ndjson");
        List<RunResult> runs = new ArrayList<>();
        runs.add(Redrive.run(env, "start", dlq.name(), "--to", "file:" + file, "-o", "json"));
        String[] imp = {"start", "file:" + file, "--to", dest.name(), "-o", "json"};
        runs.add(Redrive.run(env, imp));
        RunResult refused = Redrive.run(env, imp);
        long afterRefusal = queues.depth(dest);
        runs.add(Redrive.run(env, "start", "file:" + file, "--to", dest.name(), "--again", "-o", "json"));
        Census census = new Census(Census.count(queues.drain(dest)), Map.of());
        List<String> problems = new ArrayList<>(MatrixRow.check(c, census.lost(bodies).size(),
                MatrixRow.duplicated(census), reported(runs)));
        if (refused.exitCode() != 2 || refused.err().strip().lines().count() != 1) {
            problems.add("the repeated import was not refused in one line with exit 2: " + refused);
        }
        if (afterRefusal != bodies.size()) {
            problems.add("the refused import sent " + (afterRefusal - bodies.size()));
        }
        problems.addAll(MatrixRow.checkSummaries(c, runs.subList(1, runs.size()), census.delivered(), 0));
        runs.add(2, refused);
        return row(c, 1, census, bodies, runs, problems, "imported twice");
    }

    private static List<String> common(MatrixCase c, Census census, List<String> bodies, List<RunResult> runs) {
        List<String> problems = new ArrayList<>(MatrixRow.check(c, census.lost(bodies).size(),
                MatrixRow.duplicated(census), reported(runs)));
        if (census.remaining() > 0) {
            problems.add(census.remaining() + " still in the DLQ after the re-run");
        }
        problems.addAll(MatrixRow.checkSummaries(c, runs, census.delivered(), census.remaining()));
        return problems;
    }

    private static long reported(List<RunResult> runs) {
        return runs.stream().mapToLong(r -> ProxyCases.summaryOf(r).map(MoverSummary::duplicatesPossible).orElse(0L))
                .sum();
    }

    private static void fill(Path filler) {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[4096];
            for (int i = 0; i < 32; i++) { // more than the 64 KiB disk holds
                out.write(block);
            }
        } catch (IOException full) {
            // what was wanted: no space left
        }
    }

    private static MatrixRow row(MatrixCase c, int faults, Census census, List<String> bodies, List<RunResult> runs,
                                 List<String> problems, String what) {
        return new MatrixRow(c, faults, bodies.size(), census.delivered(), census.lost(bodies).size(),
                MatrixRow.duplicated(census), census.duplicates(), reported(runs),
                String.join(",", runs.stream().map(r -> String.valueOf(r.exitCode())).toList()), problems,
                what + "; " + census + "\n" + runs);
    }
}
