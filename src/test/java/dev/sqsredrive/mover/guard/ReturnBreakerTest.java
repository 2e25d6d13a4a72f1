package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReturnBreakerTest {

    @Test
    void tripsWhenMoreCameBackThanTheBoundAndStaysTripped() {
        ReturnBreaker breaker = new ReturnBreaker(MaxReturned.parse("2"));
        assertThat(breaker.tripped(100, 2)).isFalse();
        assertThat(breaker.tripped()).isFalse();
        assertThat(breaker.tripped(100, 3)).isTrue();
        // A later reading that looks better (more moved) does not re-arm it: the run is already stopping.
        assertThat(breaker.tripped(1_000, 3)).isTrue();
        assertThat(breaker.tripped()).isTrue();
    }

    @Test
    void offNeverTrips() {
        ReturnBreaker breaker = new ReturnBreaker(MaxReturned.parse("off"));
        assertThat(breaker.tripped(50, 50)).isFalse();
    }

    @Test
    void theLineSaysHowManyOfHowManyCameBackWithinWhatTime() {
        assertThat(ReturnBreaker.message(1_240, 130, Duration.ofSeconds(42))).isEqualTo("130 of the 1,240 messages"
                + " moved came back to the DLQ within 42 s: its consumer is still failing them; the rest stay in the DLQ");
    }

    @Test
    void spansReadAsInASentence() {
        assertThat(ReturnBreaker.span(Duration.ofMillis(999))).isEqualTo("0 s");
        assertThat(ReturnBreaker.span(Duration.ofSeconds(60))).isEqualTo("1 min");
        assertThat(ReturnBreaker.span(Duration.ofSeconds(303))).isEqualTo("5 min 3 s");
        assertThat(ReturnBreaker.span(Duration.ofMinutes(125))).isEqualTo("2 h 5 min");
        assertThat(ReturnBreaker.span(Duration.ofHours(3))).isEqualTo("3 h");
    }
}
