package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * One batch call's messages under the entry ids SQS answers by: each answer maps back to its own message, the
 * confirmed and the others together are the whole batch in its order, and the ids are ones SQS accepts.
 */
class EntryBatchTest {

    @Test
    void eachEntryOfTheAnswerIsItsOwnMessageAndTheRestAreTheOthersInBatchOrder() {
        List<Msg> messages = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            messages.add(Msg.of("id-" + i, "rh-" + i, "body")); // a MessageId may repeat in SQS: not the key
        }
        messages.add(Msg.of("id-3", "rh-3-again", "body"));
        EntryBatch batch = EntryBatch.of("m", messages);
        List<Entry> entries = batch.entries();
        Set<String> confirmed = Set.of(entries.get(10).id(), entries.get(1).id(), entries.get(7).id());

        assertThat(entries).extracting(Entry::message).containsExactlyElementsOf(messages);
        assertThat(entries).extracting(Entry::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[A-Za-z0-9_-]{1,80}"), "a batch entry id SQS accepts");
        assertThat(batch.of(confirmed)).extracting(Msg::receiptHandle).containsExactly("rh-1", "rh-7", "rh-3-again");
        assertThat(batch.notIn(confirmed)).extracting(Msg::receiptHandle)
                .containsExactly("rh-0", "rh-2", "rh-3", "rh-4", "rh-5", "rh-6", "rh-8", "rh-9");
        assertThat(EntryBatch.ids(batch.of(confirmed))).containsExactly("id-1", "id-7", "id-3");
    }

    @Test
    void anEmptyBatchHasNothingToSend() {
        EntryBatch batch = EntryBatch.of("d", List.of());

        assertThat(batch.isEmpty()).isTrue();
        assertThat(batch.entries()).isEmpty();
        assertThat(EntryBatch.of("d", List.of(Msg.of("a", "rh", null))).isEmpty()).isFalse();
    }
}
