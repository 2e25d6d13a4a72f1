package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class QueueSuggestionsTest {

    private static final List<String> REGION = List.of("orders", "orders-dlq", "payments", "payments-dlq",
            "orders-dlq.fifo", "shipping-dead-letters", "audit");

    @Test
    void typosFindTheQueueMeant() {
        assertThat(QueueSuggestions.closest("ordrs-dlq", REGION)).containsExactly("orders-dlq");
        assertThat(QueueSuggestions.closest("Orders-DLQ", REGION)).startsWith("orders-dlq");
        assertThat(QueueSuggestions.closest("paymnts-dlq", REGION)).first().isEqualTo("payments-dlq");
    }

    @Test
    void aPartOfTheNameFindsTheWholeName() {
        assertThat(QueueSuggestions.closest("shipping", REGION)).containsExactly("shipping-dead-letters");
    }

    @Test
    void nothingCloseMeansNoSuggestion() {
        assertThat(QueueSuggestions.closest("inventory-dlq", REGION)).isEmpty();
        assertThat(QueueSuggestions.closest("x", REGION)).isEmpty();
    }

    @Test
    void atMostThreeNearestFirst() {
        assertThat(QueueSuggestions.closest("orders-dl", REGION)).hasSize(3).first().isEqualTo("orders-dlq");
    }

    @Test
    void phraseReadsAsEnglish() {
        assertThat(QueueSuggestions.phrase(List.of())).isEmpty();
        assertThat(QueueSuggestions.phrase(List.of("a"))).isEqualTo("; did you mean 'a'?");
        assertThat(QueueSuggestions.phrase(List.of("a", "b", "c"))).isEqualTo("; did you mean 'a', 'b' or 'c'?");
    }

    @Test
    void editDistance() {
        assertThat(QueueSuggestions.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(QueueSuggestions.distance("", "abc")).isEqualTo(3);
        assertThat(QueueSuggestions.distance("same", "same")).isZero();
    }
}
