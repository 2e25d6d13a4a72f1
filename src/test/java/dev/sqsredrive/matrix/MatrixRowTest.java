package dev.sqsredrive.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.sqsredrive.testing.Census;
import org.junit.jupiter.api.Test;

/**
 * The matrix's accounting: the summaries count messages that may have more than one copy, so a case is
 * checked by messages found more than once, however many copies each has (case 35's killed runs sent some
 * three times: one duplicate each, two extra copies).
 */
class MatrixRowTest {

    private static final MatrixCase STANDARD = new MatrixCase(1, FaultKind.SIGKILL_DURING_RESUME, false, false,
            Via.QUEUE, null, 1, 1, 2, 20, 1);

    @Test
    void aMessageSentThreeTimesIsOneDuplicateWithTwoExtraCopies() {
        Census census = new Census(Map.of("a", 3, "b", 1, "c", 2), Map.of("d", 1, "b", 1));

        assertThat(MatrixRow.duplicated(census)).as("a (3 copies), b (moved and left behind), c").isEqualTo(3);
        assertThat(census.duplicates()).as("extra copies").isEqualTo(4);
        assertThat(MatrixRow.check(STANDARD, 0, MatrixRow.duplicated(census), 3)).isEmpty();
        assertThat(MatrixRow.check(STANDARD, 0, MatrixRow.duplicated(census), 2))
                .containsExactly("3 duplicates but 2 reported");
    }
}
