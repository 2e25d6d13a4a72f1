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

    /** One case of every fault kind (standard and FIFO taken in turn), plus native cases: the CI sample. */
    static List<MatrixCase> sample(long seed) {
        Random random = new Random(seed);
        List<MatrixCase> cases = new ArrayList<>();
        FaultKind[] kinds = FaultKind.values();
        for (int i = 0; i < kinds.length; i++) {
            cases.add(pick(cases.size() + 1, new Combination(kinds[i], i % 2 == 1, false), random));
        }
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.HTTP_503, false, true), random));
        // not RESET_AFTER on a native start: an open finding (a lost answer starts a second task), see RELIABILITY.md
        cases.add(pick(cases.size() + 1, new Combination(FaultKind.RESET_BEFORE, false, true), random));
        return cases;
    }

    private record Combination(FaultKind kind, boolean fifo, boolean nativeMode) {
    }

    /**
     * Native cases on standard queues only: ElasticMQ's FIFO move tasks move nothing (DESIGN §5), and the tool
     * never starts one on a non-AWS endpoint.
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
        return list;
    }

    private static MatrixCase pick(int id, Combination c, Random random) {
        FaultKind kind = c.kind();
        if (kind.where == FaultKind.Where.PROCESS) {
            return new MatrixCase(id, kind, c.fifo(), false, null, 1, 1, 1, 5 + random.nextInt(40), random.nextInt(2));
        }
        var calls = c.nativeMode() ? FaultKind.Calls.NATIVE : kind.clientCalls;
        String operation = calls.get(random.nextInt(calls.size()));
        boolean slow = kind == FaultKind.LATENCY_PAST_VISIBILITY || kind == FaultKind.STALL;
        int times = slow ? 1 + random.nextInt(2) : 2 + random.nextInt(5);
        // a native start makes one StartMessageMoveTask call: only a first one can be broken
        int first = operation.equals("StartMessageMoveTask") ? 1 : 1 + random.nextInt(2);
        int every = random.nextInt(4) == 0 ? 2 : 1;
        return new MatrixCase(id, kind, c.fifo(), c.nativeMode(), operation, first, every, times, 0,
                random.nextInt(2));
    }
}
