package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.aws.RedriveException;
import org.junit.jupiter.api.Test;
import dev.sqsredrive.mover.sqs.SqsMessages;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

class MessageFilterTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private static final Msg M = SqsMessages.from(Message.builder().messageId("1").body("order 42 failed: timeout")
            .messageAttributes(Map.of("tenant", MessageAttributeValue.builder().dataType("String")
                    .stringValue("acme-eu").build()))
            .attributes(Map.of(MessageSystemAttributeName.SENT_TIMESTAMP,
                    Long.toString(NOW.minusSeconds(3 * 3600).toEpochMilli())))
            .build());

    private static boolean matches(String expr) {
        return MessageFilter.parse(expr).matches(M, NOW);
    }

    @Test
    void attributeBodyAndAge() {
        assertThat(matches("attr:tenant")).isTrue();
        assertThat(matches("attr:region")).isFalse();
        assertThat(matches("attr:tenant=acme-eu")).isTrue();
        assertThat(matches("attr:tenant=acme")).isFalse();
        assertThat(matches("attr:tenant~^acme")).isTrue();
        assertThat(matches("body:failed: timeout")).isTrue();
        assertThat(matches("body:success")).isFalse();
        assertThat(matches("body~order \\d+")).isTrue();
        assertThat(matches("age>2h")).isTrue();
        assertThat(matches("age>1d")).isFalse();
        assertThat(matches("age<4h")).isTrue();
        assertThat(matches("age < 30m")).isFalse();
    }

    @Test
    void allFiltersMustMatch() {
        List<MessageFilter> both = List.of(MessageFilter.parse("attr:tenant"), MessageFilter.parse("body:nope"));
        assertThat(MessageFilter.all(both, M, NOW)).isFalse();
        assertThat(MessageFilter.all(List.of(), M, NOW)).isTrue();
    }

    @Test
    void badExpressionsAreUsageErrors() {
        assertThatThrownBy(() -> MessageFilter.parse("tenant=acme")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("expected attr:NAME");
        assertThatThrownBy(() -> MessageFilter.parse("body~(")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("bad regular expression");
    }
}
