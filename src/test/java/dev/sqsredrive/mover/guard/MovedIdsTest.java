package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.SplittableRandom;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class MovedIdsTest {

    private static final long MIB = 1024 * 1024;

    private static String uuid(SplittableRandom random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Test
    void remembersEveryIdItWasGivenAndNoOther() {
        MovedIds ids = new MovedIds();
        SplittableRandom random = new SplittableRandom(42);
        String[] moved = new String[50_000];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = uuid(random);
            assertThat(ids.add(moved[i])).isTrue();
        }
        assertThat(ids.size()).isEqualTo(moved.length);
        for (String id : moved) {
            assertThat(ids.contains(id)).as(id).isTrue();
            assertThat(ids.add(id)).as("a second add of " + id).isFalse();
        }
        for (int i = 0; i < 50_000; i++) {
            String other = uuid(random);
            assertThat(ids.contains(other)).as(other).isFalse();
        }
        assertThat(ids.size()).isEqualTo(moved.length);
    }

    @Test
    void idsThatAreNotCanonicalUuidsAreKeptApartFromTheUuidsTheyResemble() {
        MovedIds ids = new MovedIds();
        String id = "6f1c2a90-7d0e-4b8e-9a3f-0c1d2e3f4a5b";
        ids.add(id);
        // Other strings for what UUID.fromString would call the same value: a different MessageId to SQS.
        assertThat(ids.contains(id.toUpperCase())).isFalse();
        assertThat(ids.contains("6f1c2a90-7d0e-4b8e-9a3f-c1d2e3f4a5b")).isFalse();
        ids.add("msg-1");
        ids.add(id.toUpperCase());
        assertThat(ids.contains("msg-1")).isTrue();
        assertThat(ids.contains("msg-2")).isFalse();
        assertThat(ids.contains(id.toUpperCase())).isTrue();
        assertThat(ids.size()).isEqualTo(3);
    }

    @Test
    void theAllZeroUuidIsAnIdLikeAnyOther() {
        MovedIds ids = new MovedIds();
        String zero = new UUID(0, 0).toString();
        assertThat(ids.contains(zero)).isFalse();
        assertThat(ids.add(zero)).isTrue();
        assertThat(ids.add(zero)).isFalse();
        assertThat(ids.contains(zero)).isTrue();
        assertThat(ids.size()).isEqualTo(1);
    }

    @Test
    void theHashedIdsFalsePositiveBoundIsNegligibleAtAMillion() {
        assertThat(MovedIds.falsePositiveBound(1_000_000)).isLessThan(1e-20);
    }

    /**
     * The stated bound: a million ids in under 64 MiB, counted exactly from the table's size and checked
     * against the heap the JVM reports (after a GC on either side). Prints both figures.
     */
    @Test
    void aMillionIdsTakeLessThan64MiB() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        MovedIds ids = new MovedIds();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1_000_000; i++) {
            ids.add(uuid(random));
        }
        memory.gc();
        long heap = memory.getHeapMemoryUsage().getUsed() - before;
        System.out.printf("MovedIds at %,d ids: %,d bytes (%.1f MiB) held, %,d bytes (%.1f MiB) at the peak of a"
                        + " resize; heap grew by %,d bytes (%.1f MiB)%n", ids.size(), ids.bytesUsed(),
                ids.bytesUsed() / (double) MIB, ids.peakBytes(), ids.peakBytes() / (double) MIB, heap,
                heap / (double) MIB);
        assertThat(ids.size()).isEqualTo(1_000_000);
        assertThat(ids.bytesUsed()).isLessThan(64 * MIB);
        assertThat(ids.peakBytes()).isLessThan(64 * MIB);
        assertThat(heap).isLessThan(64 * MIB);
    }
}
