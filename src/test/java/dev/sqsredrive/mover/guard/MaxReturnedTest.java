package dev.sqsredrive.mover.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MaxReturnedTest {

    @Test
    void theThreeFormsParse() {
        assertThat(MaxReturned.parse("5")).isEqualTo(new MaxReturned(MaxReturned.Kind.COUNT, 5, null, true));
        assertThat(MaxReturned.parse("off").kind()).isEqualTo(MaxReturned.Kind.OFF);
        assertThat(MaxReturned.parse("OFF").explicit()).isTrue();
        assertThat(MaxReturned.parse("2.5%").toString()).isEqualTo("2.5%");
        assertThat(MaxReturned.parse("100%").toString()).isEqualTo("100%");
        assertThat(MaxReturned.parse("0").allowed(1_000)).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "ten", "10 %%", "1.5", "%", "12x", "99999999999999999999"})
    void anythingElseIsRefusedInOneLineNamingTheForms(String value) {
        assertThatThrownBy(() -> MaxReturned.parse(value)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'" + value + "' is not N (messages), P% (of those moved, 0% to 100%) or off")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aShareAboveAllIsRefused() {
        assertThatThrownBy(() -> MaxReturned.parse("101%")).hasMessage("'101%' is more than 100%");
    }

    @Test
    void theDefaultIsTenPercentOnceTwentyMoved() {
        MaxReturned d = MaxReturned.DEFAULT;
        assertThat(d.explicit()).isFalse();
        assertThat(d.exceeded(19, 19)).as("too few moved to judge").isFalse();
        assertThat(d.exceeded(20, 2)).isFalse();
        assertThat(d.exceeded(20, 3)).isTrue();
        assertThat(d.exceeded(1_000, 100)).isFalse();
        assertThat(d.exceeded(1_000, 101)).isTrue();
    }

    @Test
    void anExplicitShareCountsFromTheFirstMessage() {
        MaxReturned p = MaxReturned.parse("10%");
        assertThat(p.exceeded(10, 1)).isFalse();
        assertThat(p.exceeded(10, 2)).isTrue();
        assertThat(p.exceeded(5, 1)).as("10 % of 5 rounds down to none").isTrue();
        assertThat(MaxReturned.parse("2.5%").allowed(1_000)).isEqualTo(25);
    }

    @Test
    void aCountIsMoreThanThatManyAndOffNeverTrips() {
        assertThat(MaxReturned.parse("3").exceeded(1, 3)).isFalse();
        assertThat(MaxReturned.parse("3").exceeded(1, 4)).isTrue();
        assertThat(MaxReturned.parse("off").exceeded(10, 10)).isFalse();
    }
}
