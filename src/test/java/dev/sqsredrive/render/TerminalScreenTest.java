package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one piece of the terminal drawing that is arithmetic: how far up the last block begins. */
class TerminalScreenTest {

    @Test
    void nothingDrawnYetMeansNoClimb() {
        assertThat(TerminalScreen.rowsToClimb(new int[0], 0, 80)).isZero();
    }

    @Test
    void sameOrWiderTerminalClimbsOneRowPerLine() {
        int[] lines = {60, 66, 44};
        assertThat(TerminalScreen.rowsToClimb(lines, 100, 100)).isEqualTo(2);
        assertThat(TerminalScreen.rowsToClimb(lines, 100, 160)).isEqualTo(2);
    }

    @Test
    void narrowerTerminalCountsTheRowsALineWasReflowedOnto() {
        // At 40 columns a reflowing terminal shows the 60- and 66-column lines on two rows each.
        assertThat(TerminalScreen.rowsToClimb(new int[] {60, 66, 39}, 100, 40)).isEqualTo(4);
        assertThat(TerminalScreen.rowsToClimb(new int[] {0, 80}, 100, 40)).isEqualTo(2);
    }
}
