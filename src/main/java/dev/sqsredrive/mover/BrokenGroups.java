package dev.sqsredrive.mover;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;


/**
 * FIFO groups one of whose messages stays in the DLQ: their later messages must stay behind it, or the group's
 * order breaks (README promise 3). A message without a group (a standard queue's) holds nothing back.
 */
final class BrokenGroups {

    private final Set<String> groups = ConcurrentHashMap.newKeySet();

    /** The FIFO group, or null for a standard queue's message. */
    static String groupOf(Msg m) {
        return m.groupId();
    }

    /** This message stays in the DLQ: the rest of its group must stay too. */
    void breakAt(Msg m) {
        String group = groupOf(m);
        if (group != null) {
            groups.add(group);
        }
    }

    /** These groups' messages were held back (released for a later receive): the rest must wait too. */
    void holdBack(Set<String> heldBack) {
        groups.addAll(heldBack);
    }

    /** True when an earlier message of this one's group stays in the DLQ. */
    boolean holdsBack(Msg m) {
        String group = groupOf(m);
        return group != null && groups.contains(group);
    }

    boolean isEmpty() {
        return groups.isEmpty();
    }
}
