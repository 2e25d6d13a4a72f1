package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A FIFO group with a message left in the DLQ keeps its later messages behind it; other groups move on. */
class BrokenGroupsTest {

    private static Msg inGroup(String id, String group) {
        return FakeQueueOps.msg(id, "b").withSystem(Map.of(Msg.SystemAttribute.MESSAGE_GROUP_ID, group));
    }

    @Test
    void aMessageLeftBehindHoldsBackOnlyTheRestOfItsGroup() {
        BrokenGroups broken = new BrokenGroups();
        assertThat(broken.isEmpty()).isTrue();

        broken.breakAt(inGroup("1", "orders-42"));

        assertThat(broken.holdsBack(inGroup("2", "orders-42"))).isTrue();
        assertThat(broken.holdsBack(inGroup("3", "orders-43"))).isFalse();
        assertThat(broken.isEmpty()).isFalse();
    }

    @Test
    void aStandardQueuesMessageHoldsNothingBack() {
        BrokenGroups broken = new BrokenGroups();

        broken.breakAt(FakeQueueOps.msg("1", "b"));

        assertThat(broken.isEmpty()).isTrue();
        assertThat(broken.holdsBack(FakeQueueOps.msg("2", "b"))).isFalse();
    }

    @Test
    void groupsHeldBackByAReleaseWaitToo() {
        BrokenGroups broken = new BrokenGroups();

        broken.holdBack(Set.of("g1", "g2"));

        assertThat(broken.holdsBack(inGroup("1", "g1"))).isTrue();
        assertThat(broken.holdsBack(inGroup("2", "g2"))).isTrue();
        assertThat(broken.holdsBack(inGroup("3", "g3"))).isFalse();
    }
}
