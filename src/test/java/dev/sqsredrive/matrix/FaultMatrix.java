package dev.sqsredrive.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates the cases of the matrix from a seed (java.util.Random), so a failing case is replayed by its seed
 * and number. Every applicable combination of fault, queue type and mode comes first, each once, then random
 * picks up to the number of cases asked for.
 */
final class FaultMatrix {

    private FaultMatrix() {
    }

    /** Every combination once (in a seeded order), then random ones up to {@code cases} in all. */
    static List<MatrixCase> full(long seed, int cases) {
        Random random = new Random(seed);
        List<MatrixCase> all = new ArrayList<>();
        List<Combination> combinations = combinations();
        for (int i = 0; all.size() < cases; i++) {
            Combination c = i < combinations.size() ? combinations.get(i)
                    : combinations.get(random.nextInt(combinations.size()));
            all.add(pick(all.size() + 1, c, random));
        }
        return all;
    }

    /**
     * One case of every fault kind (standard and FIFO taken in turn), plus native cases and file cases: the CI
     * sample. New cases go at the end, so the earlier ones keep their seeded picks.
     */
    static List<MatrixCase> sample(long seed) {
        Random random = new Random(seed);
        List<MatrixCase> cases = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        for (int i = 0; i < kinds.length; i++) {
            if (!FaultKind.LATER.contains(kinds[i])) {
                cases.add(pick(cases.size() + 1, new Combination(kinds[i], i % 2 == 1, false), random));
            }
        }
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.HTTP_503, false, true), random));
        // not RESET_AFTER on a native start: an open finding (a lost answer starts a second task), see RELIABILITY.md
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.RESET_BEFORE, false, true), random));
        // files: the lost answer on each side's batch call, a FIFO export's failed deletes, a killed FIFO import.
        // Not a partial send failure on a FIFO import: an open finding (the group's order breaks), RELIABILITY.md
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.RESET_AFTER, false, false, Via.EXPORT), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.RESET_AFTER, false, false, Via.IMPORT), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.PARTIAL_RECEIVER, true, false, Via.EXPORT), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.SIGKILL_RESUME, true, false, Via.IMPORT), random));
        // the ledger's cases (issue 17): each outcome a summary must count, standard and FIFO in turn
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.PARTIAL_STORED, false, false), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.PARTIAL_STORED, true, false, Via.IMPORT), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.ARCHIVE_FULL, false, false), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.ARCHIVE_FILLED, true, false), random));
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.IMPORT_AGAIN, false, false), random));
        return cases;
    }

    private record Combination(FaultKind kind, boolean fifo, boolean nativeMode, Via via) {
        Combination(FaultKind kind, boolean fifo, boolean nativeMode) {
            this(kind, fifo, nativeMode, Via.QUEUE);
        }
    }

    /**
     * Native cases on standard queues only: ElasticMQ's FIFO move tasks move nothing (DESIGN §5), and the tool
     * never starts one on a non-AWS endpoint. Then the file cases: each fault that reaches the SQS side of an
     * export or an import, standard and FIFO.
     */
    private static List<Combination> combinations() {
        List<Combination> list = new ArrayList<>();
        for (FaultKind kind : FaultKind.values()) {
            list.add(new Combination(kind, false, false));
            list.add(new Combination(kind, true, false));
            if (kind.appliesToNative()) {
                list.add(new Combination(kind, false, true));
            }
        }
        for (Via via : List.of(Via.EXPORT, Via.IMPORT)) {
            for (FaultKind kind : FaultKind.values()) {
                if (via.applies(kind)) {
                    list.add(new Combination(kind, false, false, via));
                    list.add(new Combination(kind, true, false, via));
                }
            }
        }
        return list;
    }

    private static MatrixCase pick(int id, Combination c, Random random) {
        FaultKind kind = c.kind();
        if (kind.where != FaultKind.Where.PROXY) {
            return new MatrixCase(id, kind, c.fifo(), false, c.via(), null, 1, 1, 1, 5 + random.nextInt(40),
                    random.nextInt(2));
        }
        var calls = c.nativeMode() ? FaultKind.Calls.NATIVE : c.via().calls(kind);
        String operation = calls.get(random.nextInt(calls.size()));
        boolean slow = kind == FaultKind.LATENCY_PAST_VISIBILITY || kind == FaultKind.STALL;
        int times = slow ? 1 + random.nextInt(2) : 2 + random.nextInt(5);
        // a native start makes one StartMessageMoveTask call: only a first one can be broken
        int first = operation.equals("StartMessageMoveTask") ? 1 : 1 + random.nextInt(2);
        int every = random.nextInt(4) == 0 ? 2 : 1;
        return new MatrixCase(id, kind, c.fifo(), c.nativeMode(), c.via(), operation, first, every, times, 0,
                random.nextInt(2));
    }
}
