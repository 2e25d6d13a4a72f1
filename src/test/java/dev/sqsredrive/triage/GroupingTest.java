package dev.sqsredrive.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.MessageFilter;
import dev.sqsredrive.mover.Msg;
import dev.sqsredrive.mover.MsgAttribute;
import org.junit.jupiter.api.Test;

/**
 * Grouping in memory, against the census of what was fed in: each group's count, and each group's filters
 * selecting exactly its messages among all of them.
 */
class GroupingTest {

    private static final Instant START = Instant.parse("2026-12-06T12:00:00.500Z");
    private int next;

    private Msg msg(String body, Map<String, String> attributes, String origin, Duration age) {
        Map<String, MsgAttribute> attrs = new HashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, MsgAttribute.string(k.equals("ErrorCode") ? "Number" : "String", v)));
        Map<Msg.SystemAttribute, String> system = new HashMap<>();
        system.put(Msg.SystemAttribute.SENT_TIMESTAMP, Long.toString(START.minus(age).toEpochMilli()));
        system.put(Msg.SystemAttribute.APPROXIMATE_RECEIVE_COUNT, "1");
        if (origin != null) {
            system.put(Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN, origin);
        }
        return new Msg("m" + next++, "rh", body, attrs, system);
    }

    private List<Msg> mixedDlq() {
        List<Msg> all = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            all.add(msg("{\"orderId\":" + i + "}", Map.of("RequestID", "r" + i, "ErrorCode", "200",
                    "ErrorMessage", "Task timed out after 3.00 seconds"), null, Duration.ofMinutes(i * 50)));
        }
        for (int i = 0; i < 3; i++) {
            all.add(msg("{\"orderId\":" + i + "}", Map.of("RequestID", "q" + i, "ErrorCode", "200",
                    "ErrorMessage", "KeyError: 'sku'"), null, Duration.ofHours(30)));
        }
        for (int i = 0; i < 4; i++) {
            all.add(msg("{\"detail-type\":\"OrderPlaced\",\"detail\":{}}", Map.of("ERROR_CODE", "SDK_CLIENT_ERROR",
                    "ERROR_MESSAGE", "Lambda returned function error", "RULE_ARN", "arn:rule", "TARGET_ARN", "arn:t",
                    "RETRY_ATTEMPTS", "185", "EXHAUSTED_RETRY_CONDITION", "MaximumRetryAttempts"), null,
                    Duration.ofDays(8)));
        }
        for (int i = 0; i < 5; i++) {
            all.add(msg("plain text " + i, Map.of(), "arn:aws:sqs:us-east-1:123456789012:orders", Duration.ofSeconds(i)));
        }
        all.add(msg("orphan", Map.of(), null, Duration.ZERO));
        all.add(msg("orphan too", Map.of(), null, Duration.ofHours(3)));
        return all;
    }

    private static void assertFiltersSelectExactlyEachGroup(Grouping.Result r, List<Msg> all, Grouping g) {
        for (Grouping.Group group : r.groups()) {
            List<MessageFilter> filters = MessageFilter.parseAll(group.filters());
            long selected = all.stream().filter(m -> MessageFilter.all(filters, m, START.plusSeconds(3600))).count();
            assertThat(selected).as("messages selected by " + group.filters()).isEqualTo(group.stats().count());
        }
        assertThat(r.groups().stream().mapToLong(x -> x.stats().count()).sum() + r.other().count())
                .isEqualTo(all.size());
    }

    @Test
    void byDefaultGroupsByWhatLambdaAndEventBridgeRecordedElseByOrigin() {
        List<Msg> all = mixedDlq();
        Grouping g = new Grouping(List.of(), 10, START, false);
        all.forEach(g);

        Grouping.Result r = g.result();

        assertThat(r.groups()).extracting(x -> x.stats().count()).containsExactly(7L, 5L, 4L, 3L, 2L);
        assertThat(r.groups().get(0).filters()).containsExactly("attr:ErrorCode=200",
                "attr:ErrorMessage=Task timed out after 3.00 seconds");
        assertThat(r.groups().get(1).filters()).containsExactly("origin:arn:aws:sqs:us-east-1:123456789012:orders",
                "!attr:ErrorCode", "!attr:ERROR_CODE");
        assertThat(r.groups().get(2).filters()).containsExactly("attr:ERROR_CODE=SDK_CLIENT_ERROR",
                "attr:ERROR_MESSAGE=Lambda returned function error", "!attr:ErrorCode");
        assertThat(r.groups().get(4).filters()).containsExactly("!origin", "!attr:ErrorCode", "!attr:ERROR_CODE");
        assertThat(r.groups().get(0).stats().sample().shape()).isEqualTo("json-object");
        assertThat(r.groups().get(0).stats().sample().keys()).containsExactly("orderId");
        assertThat(r.groups().get(0).stats().sample().body()).as("no body unless asked").isNull();
        assertThat(r.seen()).isEqualTo(all.size());
        assertFiltersSelectExactlyEachGroup(r, all, g);
    }

    @Test
    void ageAndSizeBucketsAreSelectedBySentTimesThatStillHoldLater() {
        List<Msg> all = mixedDlq();
        all.add(msg("x".repeat(20_000), Map.of(), null, Duration.ofHours(1))); // exactly on an age edge
        Grouping g = new Grouping(List.of(GroupKey.parse("age"), GroupKey.parse("size")), 50, START, false);
        all.forEach(g);

        Grouping.Result r = g.result();

        assertThat(r.groups()).extracting(x -> x.parts().get(0).label()).contains("under 1h", "1h to 6h", "1d to 3d",
                "7d or more");
        assertFiltersSelectExactlyEachGroup(r, all, g);
    }

    @Test
    void attributeAndJsonKeysSayWhenAMessageHasNoValue() {
        List<Msg> all = mixedDlq();
        Grouping g = new Grouping(List.of(GroupKey.parse("attr:ErrorCode"), GroupKey.parse("json:detail-type")), 10,
                START, false);
        all.forEach(g);

        Grouping.Result r = g.result();

        assertThat(r.groups()).extracting(Grouping.Group::filters).contains(
                List.of("attr:ErrorCode=200", "!json:detail-type"),
                List.of("!attr:ErrorCode", "json:detail-type=OrderPlaced"),
                List.of("!attr:ErrorCode", "!json:detail-type"));
        assertFiltersSelectExactlyEachGroup(r, all, g);
    }

    @Test
    void beyondTheGroupsShownTheRestIsOneOtherRow() {
        List<Msg> all = mixedDlq();
        Grouping g = new Grouping(List.of(), 2, START, false);
        all.forEach(g);

        Grouping.Result r = g.result();

        assertThat(r.groups()).hasSize(2);
        assertThat(r.other().count()).isEqualTo(4 + 3 + 2);
        assertThat(r.otherGroups()).isEqualTo(3);
        assertFiltersSelectExactlyEachGroup(r, all, g);
    }

    @Test
    void unknownKeysAreUsageErrors() {
        assertThatThrownBy(() -> GroupKey.parse("colour")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("unknown --group-by key 'colour'");
        assertThatThrownBy(() -> GroupKey.parse("json:a..b")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("bad JSON path");
    }
}
