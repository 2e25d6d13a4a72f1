package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void aFifoBatchHoldsOneMessageOfEachGroupAndKeepsEachGroupsOrder() {
        List<String> messages = List.of("a1", "a2", "a3", "b1", "c1", "b2");

        List<List<String>> batches = Batches.splitByGroup(messages, m -> 1, m -> m.substring(0, 1), 10, 100);

        assertThat(batches).containsExactly(List.of("a1", "b1", "c1"), List.of("a2", "b2"), List.of("a3"));
    }

    @Test
    void aFifoRoundLargerThanABatchIsSplitAsUsual() {
        List<String> messages = List.of("a1", "b1", "c1", "d1");

        assertThat(Batches.splitByGroup(messages, m -> 1, m -> m.substring(0, 1), 3, 100))
                .containsExactly(List.of("a1", "b1", "c1"), List.of("d1"));
    }
}
