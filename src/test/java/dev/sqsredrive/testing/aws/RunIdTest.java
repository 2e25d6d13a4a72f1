package dev.sqsredrive.testing.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RunIdTest {

    private static final Instant START = Instant.parse("2025-03-04T05:06:07Z");

    @Test
    void aRunIdIsItsStartInUtcAndFourRandomHexDigits() {
        RunId a = RunId.next(Map.of(), START);
        RunId b = RunId.next(Map.of(), START);

        assertThat(a.value()).matches("20250304t050607-[0-9a-f]{4}");
        assertThat(a.queuePrefix()).isEqualTo("redrive-e2e-" + a.value() + "-");
        assertThat(a.tags()).isEqualTo(Map.of("redrive-e2e", a.value()));
        assertThat(a).as("1 in 65536 to collide").isNotEqualTo(b);
    }

    @Test
    void ciCanNameTheRunButOnlyWithCharactersAQueueNameTakes() {
        assertThat(RunId.next(Map.of("REDRIVE_E2E_RUN_ID", "gh-1234"), START).value()).isEqualTo("gh-1234");
        assertThatThrownBy(() -> RunId.next(Map.of("REDRIVE_E2E_RUN_ID", "Job 12/3"), START))
                .hasMessageContaining("'Job 12/3'");
    }

    @Test
    void theLongestQueueNameOfTheSuitesFitsSqsEightyCharacters() {
        RunQueues run = new RunQueues(new RunId("x".repeat(30)));
        for (int i = 0; i < 998; i++) {
            run.nextPrefix();
        }
        String longest = run.nextPrefix() + "-" + "payments" + ".fifo"; // the longest base name the suites use
        assertThat(longest).hasSizeLessThanOrEqualTo(80).matches("[A-Za-z0-9_-]+(\\.fifo)?");
    }
}
