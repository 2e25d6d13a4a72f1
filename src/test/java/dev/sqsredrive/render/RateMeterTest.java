package dev.sqsredrive.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RateMeterTest {

    private static final Instant T0 = Instant.parse("2026-11-23T03:00:00Z");

    @Test
    void unknownUntilTwoPollsSpanHalfASecond() {
        RateMeter m = new RateMeter();
        assertThat(m.perSecond()).isNull();
        m.add(T0, 0);
        assertThat(m.perSecond()).isNull();
        m.add(T0.plusMillis(100), 10);
        assertThat(m.perSecond()).isNull();
        m.add(T0.plusSeconds(2), 40);
        assertThat(m.perSecond()).isEqualTo(20.0);
    }

    @Test
    void followsTheLastWindowOnlySoAStallShowsAsZero() {
        RateMeter m = new RateMeter(Duration.ofSeconds(10));
        for (int s = 0; s <= 20; s += 2) {
            m.add(T0.plusSeconds(s), s * 50L); // 50 msg/s for 20 s
        }
        assertThat(m.perSecond()).isEqualTo(50.0);
        for (int s = 22; s <= 34; s += 2) {
            m.add(T0.plusSeconds(s), 1000); // then nothing moves
        }
        assertThat(m.perSecond()).isZero();
    }

    @Test
    void aCountThatGoesBackStartsOver() {
        RateMeter m = new RateMeter();
        m.add(T0, 500);
        m.add(T0.plusSeconds(2), 520);
        m.add(T0.plusSeconds(4), 3);
        assertThat(m.perSecond()).isNull();
        m.add(T0.plusSeconds(6), 13);
        assertThat(m.perSecond()).isEqualTo(5.0);
    }
}
