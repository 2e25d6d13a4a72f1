package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.aws.RedriveException;
import org.junit.jupiter.api.Test;

/** The filter terms `inspect` prints for its groups: json:, origin, sent, size, id:, and ! before any. */
class FilterTermsTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final Instant SENT = Instant.parse("2026-12-06T09:00:00.250Z");
    private static final String ORIGIN = "arn:aws:sqs:us-east-1:123456789012:orders";

    private static final Msg EVENT = new Msg("id-1", "rh", "{\"detail\":{\"order\":{\"id\":42,\"tags\":[\"a\",\"b\"]},"
            + "\"errorType\":\"Timeout \"},\"items\":[{\"sku\":\"X-1\"}],\"ok\":false,\"none\":null}",
            Map.of("blob", new MsgAttribute("Binary", null, new byte[] {1, 2, 3})),
            Map.of(Msg.SystemAttribute.SENT_TIMESTAMP, Long.toString(SENT.toEpochMilli()),
                    Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN, ORIGIN));
    private static final Msg TEXT = Msg.of("id-2", "rh", "order 42 failed");

    private static boolean matches(String expr, Msg m) {
        return MessageFilter.parse(expr).matches(m, NOW);
    }

    @Test
    void jsonPathsReadValuesAsTextAndStepIntoArraysByIndex() {
        assertThat(matches("json:detail.order.id=42", EVENT)).isTrue();
        assertThat(matches("json:detail.order.id=4", EVENT)).isFalse();
        assertThat(matches("json:items.0.sku=X-1", EVENT)).isTrue();
        assertThat(matches("json:detail.order.tags=[\"a\",\"b\"]", EVENT)).as("an array as compact JSON").isTrue();
        assertThat(matches("json:ok=false", EVENT)).isTrue();
        assertThat(matches("json:none=null", EVENT)).isTrue();
        assertThat(matches("json:detail.errorType=Timeout ", EVENT)).as("a trailing space is the value's").isTrue();
        assertThat(matches("json:detail.errorType=Timeout", EVENT)).isFalse();
        assertThat(matches("json:detail.errorType~^Time", EVENT)).isTrue();
        assertThat(matches("json:detail.order", EVENT)).isTrue();
        assertThat(matches("json:detail.missing", EVENT)).isFalse();
        assertThat(matches("json:detail", TEXT)).as("a text body has no JSON value").isFalse();
        assertThat(matches("!json:detail", TEXT)).isTrue();
    }

    @Test
    void originSentSizeAndBinaryAttributes() {
        assertThat(matches("origin", EVENT)).isTrue();
        assertThat(matches("origin:" + ORIGIN, EVENT)).isTrue();
        assertThat(matches("origin:" + ORIGIN + "-2", EVENT)).isFalse();
        assertThat(matches("!origin", TEXT)).isTrue();
        assertThat(matches("sent>=2026-12-06T09:00:00.250Z", EVENT)).isTrue();
        assertThat(matches("sent<2026-12-06T09:00:00.250Z", EVENT)).isFalse();
        assertThat(matches("sent<2026-12-06T09:00:00.251Z", EVENT)).isTrue();
        long size = MessageCopy.size(EVENT);
        assertThat(matches("size>=" + size, EVENT)).isTrue();
        assertThat(matches("size<" + size, EVENT)).isFalse();
        assertThat(matches("attr:blob=AQID", EVENT)).as("a binary value as its base64").isTrue();
    }

    @Test
    void idFiltersSelectAnyOfTheirIdsAndTheOthersStillApply() {
        List<MessageFilter> ids = MessageFilter.parseAll(List.of("id:id-1", "id:id-2", "id:id-9"));
        assertThat(MessageFilter.all(ids, EVENT, NOW)).isTrue();
        assertThat(MessageFilter.all(ids, TEXT, NOW)).isTrue();
        assertThat(MessageFilter.all(ids, Msg.of("id-3", "rh", ""), NOW)).isFalse();
        List<MessageFilter> idsAndJson = MessageFilter.parseAll(List.of("id:id-1", "id:id-2", "json:detail"));
        assertThat(MessageFilter.all(idsAndJson, EVENT, NOW)).isTrue();
        assertThat(MessageFilter.all(idsAndJson, TEXT, NOW)).isFalse();
        assertThat(matches("!id:id-1", EVENT)).isFalse();
    }

    @Test
    void badTermsAreUsageErrors() {
        assertThatThrownBy(() -> MessageFilter.parse("json:detail..id=1")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("bad JSON path 'detail..id'");
        assertThatThrownBy(() -> MessageFilter.parse("json:=1")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("bad JSON path");
        assertThatThrownBy(() -> MessageFilter.parse("sent>=yesterday")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("UTC time");
        assertThatThrownBy(() -> MessageFilter.parse("id:")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("MessageId");
        assertThatThrownBy(() -> MessageFilter.parse("size>big")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("expected attr:NAME");
    }
}
