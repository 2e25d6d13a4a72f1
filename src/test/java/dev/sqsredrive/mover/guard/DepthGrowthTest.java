package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepthGrowthTest {

    @Test
    void countsTheClimbAboveTheLowestReadingAndKeepsItsHighestMark() {
        DepthGrowth g = new DepthGrowth();
        assertThat(g.growth()).isZero();
        assertThat(g.read(100, 0)).isZero();
        assertThat(g.read(40, 60)).as("the move drains the DLQ").isZero();
        assertThat(g.read(0, 100)).isZero();
        assertThat(g.read(6, 100)).as("six came back after it ended").isEqualTo(6);
        // The approximate depth dips again: the returns seen stay counted.
        assertThat(g.read(4, 100)).isEqualTo(6);
        assertThat(g.read(9, 100)).isEqualTo(9);
    }

    @Test
    void returnsAsFastAsTheMoveDrainsCountThoughTheDepthStaysFlat() {
        DepthGrowth g = new DepthGrowth();
        assertThat(g.read(100, 5)).as("the first reading, five moved already").isZero();
        assertThat(g.read(99, 20)).as("fifteen moved, fourteen back").isEqualTo(14);
        assertThat(g.read(100, 40)).isEqualTo(35);
    }

    @Test
    void aMoveThatHoldsMessagesInFlightCountsNoReturn() {
        DepthGrowth g = new DepthGrowth();
        g.read(100, 0);
        // Ten received by the move, not yet reported moved: invisible, so the depth is lower than expected.
        assertThat(g.read(90, 0)).isZero();
        assertThat(g.read(90, 10)).isZero();
    }
}
