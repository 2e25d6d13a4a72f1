package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DepthGrowthTest {

    @Test
    void countsTheRiseAboveTheLowestReadingAndKeepsItsHighestMark() {
        DepthGrowth g = new DepthGrowth();
        assertThat(g.growth()).isZero();
        assertThat(g.read(100)).isZero();
        assertThat(g.read(40)).as("the task drains the DLQ").isZero();
        assertThat(g.read(3)).isZero();
        assertThat(g.read(9)).as("six came back").isEqualTo(6);
        // The task takes some of them again: the approximate depth falls, the returns seen stay counted.
        assertThat(g.read(5)).isEqualTo(6);
        assertThat(g.read(12)).as("a rise above the same lowest point").isEqualTo(9);
    }
}
