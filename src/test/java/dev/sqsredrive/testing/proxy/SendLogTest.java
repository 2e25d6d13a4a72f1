package dev.sqsredrive.testing.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SendLogTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void worstWindowSlidesAcrossClockSeconds() {
        SendLog log = new SendLog();
        log.record(0, 10);
        log.record(SECOND * 9 / 10, 10);  // 0.9 s
        log.record(SECOND * 15 / 10, 10); // 1.5 s: with 0.9 s inside one second, not with 0 s
        log.record(SECOND * 3, 10);
        assertThat(log.worstWindow(SECOND)).isEqualTo(20);
        assertThat(log.worstWindowStart(SECOND)).isEqualTo(0.0);
        assertThat(log.secondsAbove(10)).isEqualTo(1); // clock second 0 holds 20 (0 s and 0.9 s)
        assertThat(log.seconds()).isEqualTo(4);
        assertThat(log.messages()).isEqualTo(40);
    }

    @Test
    void achievedRateLeavesOutTheClosingCall() {
        SendLog log = new SendLog();
        for (int i = 0; i <= 10; i++) {
            log.record(i * SECOND / 10, 5); // 5 messages every 100 ms: 50 msg/s
        }
        assertThat(log.achievedRate()).isCloseTo(50.0, within(0.001));
    }
}
