package dev.sqsredrive.mover;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sqsredrive.aws.RedriveException;

/**
 * The --filter terms that name one thing a message has, so that every key `inspect` groups by can be selected
 * exactly: its MessageId, a value in its JSON body, its origin queue, its sent time, its size. Parsed here and
 * dispatched from {@link MessageFilter#parse}; each returns null when the expression is none of its kind.
 */
public final class FilterTerms {

    private static final Pattern JSON = Pattern.compile("json:([^=~]*)(?:([=~])(.*))?", Pattern.DOTALL);
    private static final Pattern SENT = Pattern.compile("sent\\s*(>=|<)\\s*(\\S+)");
    private static final Pattern SIZE = Pattern.compile("size\\s*(>=|<)\\s*(\\d{1,12})");

    private FilterTerms() {
    }

    /** A message attribute's value as filters and group keys compare it: the string, or a binary's base64. */
    public static String attributeValue(MsgAttribute a) {
        if (a == null) {
            return null;
        }
        return a.binaryValue() != null ? Base64.getEncoder().encodeToString(a.binaryValue()) : a.stringValue();
    }

    /** id:MESSAGE_ID — several of them select any of those ids ({@link MessageFilter#parseAll}). */
    static String id(String e) {
        if (!e.startsWith("id:")) {
            return null;
        }
        String id = e.substring(3).strip();
        if (id.isEmpty()) {
            throw RedriveException.usage("bad --filter '" + e + "': id: needs a MessageId");
        }
        return id;
    }

    /**
     * json:PATH, json:PATH=VALUE, json:PATH~REGEX. The operand is taken as typed, spaces kept: a group's value
     * that ends in a space is still the value.
     */
    static BiPredicate<Msg, Instant> json(String expression) {
        String e = expression.stripLeading();
        Matcher m = JSON.matcher(e);
        if (!e.startsWith("json:") || !m.matches()) {
            return null;
        }
        JsonPath path = JsonPath.parse(m.group(1).strip());
        if (m.group(2) == null) {
            return (msg, now) -> path.valueIn(msg.body()) != null;
        }
        String operand = m.group(3);
        if (m.group(2).equals("=")) {
            return (msg, now) -> operand.equals(path.valueIn(msg.body()));
        }
        Pattern p = MessageFilter.regex(operand, expression);
        return (msg, now) -> {
            String v = path.valueIn(msg.body());
            return v != null && p.matcher(v).find();
        };
    }

    /** origin (has a DeadLetterQueueSourceArn), origin:ARN (that one). */
    static BiPredicate<Msg, Instant> origin(String e) {
        if (e.equals("origin")) {
            return (m, now) -> origin(m) != null;
        }
        if (!e.startsWith("origin:")) {
            return null;
        }
        String arn = e.substring(7).strip();
        return (m, now) -> arn.equals(origin(m));
    }

    public static String origin(Msg m) {
        String arn = m.attribute(Msg.SystemAttribute.DEAD_LETTER_QUEUE_SOURCE_ARN);
        return arn == null || arn.isBlank() ? null : arn;
    }

    /** sent>=TIME, sent<TIME: first sent at or after, or before, an ISO-8601 instant (2026-12-06T10:00:00Z). */
    static BiPredicate<Msg, Instant> sent(String e) {
        Matcher m = SENT.matcher(e);
        if (!m.matches()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(m.group(2));
        } catch (DateTimeParseException ex) {
            throw RedriveException.usage("bad --filter '" + e + "': expected a UTC time such as"
                    + " 2026-12-06T10:00:00Z after " + m.group(1));
        }
        boolean atOrAfter = m.group(1).equals(">=");
        return (msg, now) -> {
            Instant sentAt = MessageFilter.sentAt(msg);
            return sentAt != null && atOrAfter == !sentAt.isBefore(at);
        };
    }

    /** size>=BYTES, size<BYTES: the size SQS counts (body and attributes, {@link MessageCopy#size}). */
    static BiPredicate<Msg, Instant> size(String e) {
        Matcher m = SIZE.matcher(e);
        if (!m.matches()) {
            return null;
        }
        long bytes = Long.parseLong(m.group(2));
        boolean atLeast = m.group(1).equals(">=");
        return (msg, now) -> atLeast == (MessageCopy.size(msg) >= bytes);
    }
}
