package dev.sqsredrive.mover.guard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The MessageIds one run has moved, in a compact set: the one-pass rule (docs/MOVER.md, "Safe redrive").
 * <p>
 * Where it is consulted: the send stage adds, for every entry the destination confirmed, the source message's
 * id and the MessageId that SendMessageBatch returned for that entry (SQS keeps that id when it dead-letters
 * the message again), and for an entry confirmed with MD5s that do not match, the MessageId only (a copy was
 * stored; the original stays); a resume adds the journal's ids before the first receive. The receive stage asks
 * {@link #contains} of every message it receives, before filtering or routing: a hit is a message that came
 * back — it is released at once, left in the DLQ and counted as returned, never moved again.
 * <p>
 * Memory, stated: SQS MessageIds are UUIDs, kept as their 128 bits (two longs) in an open-addressing table
 * with linear probing, at most 3/4 full, doubled when it would be fuller. At 1,000,000 ids that is a table of
 * 2^21 slots, 32 MiB (exactly {@link #bytesUsed()}), and 48 MiB for the moment of a resize (old and new table);
 * MovedIdsTest measures it. An id that is not a canonical lower-case UUID is kept as a 128-bit hash (the first
 * 16 bytes of its SHA-256): two such ids are mistaken for each other with probability below n²/2^129
 * (about 1.5e-27 at a million). A mistake can only make an id look moved, never the reverse, so it errs
 * on the safe side: a message that was never moved would be left in the DLQ as "returned", not moved twice.
 * <p>
 * Thread-safe: the stages call it from several workers; every call is short and holds the set's lock.
 */
public final class MovedIds {

    /** A table never shrinks below this many slots (a power of two). */
    private static final int MIN_SLOTS = 16;
    /** The most slots a Java array of longs allows here: 2^29 slots = 2^30 longs. */
    private static final int MAX_SLOTS = 1 << 29;

    /** Slot i holds {@code table[2i], table[2i+1]}; (0, 0) is an empty slot, so that key is held aside. */
    private long[] table;
    private int size;
    private boolean holdsZero;
    private long peakBytes;

    public MovedIds() {
        this(0);
    }

    /** @param expected how many ids the run expects to remember (e.g. the DLQ's depth); a hint only */
    public MovedIds(long expected) {
        table = new long[2 * slotsFor(Math.max(0, expected))];
        peakBytes = bytes(table.length);
    }

    /** @return true when the id was not in the set before */
    public synchronized boolean add(String messageId) {
        long[] key = key(messageId);
        long hi = key[0];
        long lo = key[1];
        if (hi == 0 && lo == 0) {
            boolean added = !holdsZero;
            holdsZero = true;
            size += added ? 1 : 0;
            return added;
        }
        if ((size + 1) * 4L > slots() * 3L) {
            grow();
        }
        int i = find(table, hi, lo);
        if (table[2 * i] == hi && table[2 * i + 1] == lo) {
            return false;
        }
        table[2 * i] = hi;
        table[2 * i + 1] = lo;
        size++;
        return true;
    }

    public synchronized boolean contains(String messageId) {
        long[] key = key(messageId);
        long hi = key[0];
        long lo = key[1];
        if (hi == 0 && lo == 0) {
            return holdsZero;
        }
        int i = find(table, hi, lo);
        return table[2 * i] == hi && table[2 * i + 1] == lo;
    }

    public synchronized int size() {
        return size;
    }

    /** The bytes the set holds now: its table (16 bytes a slot), the array's header and the object's fields. */
    public synchronized long bytesUsed() {
        return bytes(table.length);
    }

    /** The most bytes it ever held at once, counting both tables while a resize copies one into the other. */
    public synchronized long peakBytes() {
        return peakBytes;
    }

    /** The chance that any two of n ids that are not UUIDs are mistaken for each other (a birthday bound). */
    public static double falsePositiveBound(long n) {
        return (double) n * n / Math.pow(2, 129);
    }

    private int slots() {
        return table.length / 2;
    }

    /** The slot holding (hi, lo), or the empty slot where it would go. */
    private static int find(long[] t, long hi, long lo) {
        int mask = t.length / 2 - 1;
        int i = spread(hi, lo) & mask;
        while (!(t[2 * i] == 0 && t[2 * i + 1] == 0) && !(t[2 * i] == hi && t[2 * i + 1] == lo)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        if (slots() >= MAX_SLOTS) {
            throw new IllegalStateException("more than " + (MAX_SLOTS / 4 * 3) + " message ids in one run");
        }
        long[] bigger = new long[table.length * 2];
        peakBytes = Math.max(peakBytes, bytes(table.length) + bytes(bigger.length));
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0 || table[i + 1] != 0) {
                int j = find(bigger, table[i], table[i + 1]);
                bigger[2 * j] = table[i];
                bigger[2 * j + 1] = table[i + 1];
            }
        }
        table = bigger;
    }

    private static int slotsFor(long expected) {
        long wanted = Math.max(MIN_SLOTS, expected * 4 / 3 + 1);
        return (int) Math.min(MAX_SLOTS, Long.highestOneBit(wanted - 1) << 1);
    }

    /** Array header (16 bytes) and the object (header, reference, three fields: 40 bytes, rounded up). */
    private static long bytes(int longs) {
        return 16L + 8L * longs + 40L;
    }

    /** A UUID's bits are random already; mixing them still guards against ids that share their high half. */
    private static int spread(long hi, long lo) {
        long h = (hi ^ Long.rotateLeft(lo, 32)) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The id's 128 bits: a canonical UUID's own, any other id's SHA-256 (first 16 bytes). */
    static long[] key(String id) {
        if (isCanonicalUuid(id)) {
            return new long[] {hex(id, 0, 8) << 32 | hex(id, 9, 13) << 16 | hex(id, 14, 18),
                    hex(id, 19, 23) << 48 | hex(id, 24, 36)};
        }
        byte[] d = sha256().digest(id.getBytes(StandardCharsets.UTF_8));
        return new long[] {bytesAt(d, 0), bytesAt(d, 8)};
    }

    /** Only the canonical lower-case form, so that two different strings never map to the same bits. */
    static boolean isCanonicalUuid(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static long hex(String s, int from, int to) {
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            v = v << 4 | (c <= '9' ? c - '0' : c - 'a' + 10);
        }
        return v;
    }

    private static long bytesAt(byte[] d, int offset) {
        long v = 0;
        for (int i = offset; i < offset + 8; i++) {
            v = v << 8 | (d[i] & 0xFF);
        }
        return v;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
