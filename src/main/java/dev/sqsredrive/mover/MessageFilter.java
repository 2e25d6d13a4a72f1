package dev.sqsredrive.mover;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.sqsredrive.aws.RedriveException;

/**
 * One --filter expression. Several filters must all match.
 * <pre>
 *   attr:NAME           the message has attribute NAME
 *   attr:NAME=VALUE     attribute NAME's string value is VALUE (String and Number types)
 *   attr:NAME~REGEX     attribute NAME's string value contains a match of REGEX
 *   body:TEXT           the body contains TEXT
 *   body~REGEX          the body contains a match of REGEX
 *   age&gt;DURATION        first sent longer ago than DURATION (30s, 15m, 2h, 7d)
 *   age&lt;DURATION        first sent less long ago than DURATION
 *   sent&gt;=TIME, sent&lt;TIME first sent at or after, or before, a UTC time (2026-12-06T10:00:00Z)
 *   size&gt;=BYTES, size&lt;BYTES the size SQS counts: body and attributes
 *   json:PATH[=VALUE|~REGEX] a value at a dotted path in a JSON body ({@link JsonPath})
 *   origin, origin:ARN   has a DeadLetterQueueSourceArn; has this one
 *   id:MESSAGE_ID        this message; several id: filters select any of their ids
 *   !EXPR                the message does not match EXPR
 * </pre>
 * A binary attribute's value is its base64. The terms beyond attr, body and age are in {@link FilterTerms}.
 */
public final class MessageFilter {

    public static final String SYNTAX = "attr:NAME, attr:NAME=VALUE, attr:NAME~REGEX, body:TEXT, body~REGEX,"
            + " age>DURATION or age<DURATION (e.g. age>2h), sent>=TIME, sent<TIME, size>=BYTES, size<BYTES,"
            + " json:PATH, json:PATH=VALUE, json:PATH~REGEX, origin, origin:ARN, id:MESSAGE_ID, or !EXPR";

    private static final Pattern AGE = Pattern.compile("age\\s*([<>])\\s*(\\d+)\\s*([smhd])");
    private static final Pattern ATTR = Pattern.compile("attr:([^=~]+)(?:([=~])(.*))?", Pattern.DOTALL);

    private final String expression;
    private final BiPredicate<Msg, Instant> test;

    private MessageFilter(String expression, BiPredicate<Msg, Instant> test) {
        this.expression = expression;
        this.test = test;
    }

    public String expression() {
        return expression;
    }

    public boolean matches(Msg m, Instant now) {
        return test.test(m, now);
    }

    public static boolean all(List<MessageFilter> filters, Msg m, Instant now) {
        for (MessageFilter f : filters) {
            if (!f.matches(m, now)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The filters of a move, with every id: filter folded into one that selects any of their ids (all the
     * others must match as well): so --ids-from a file of 100,000 ids is one set lookup per message.
     */
    public static List<MessageFilter> parseAll(List<String> expressions) {
        List<MessageFilter> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (String expression : expressions) {
            String id = FilterTerms.id(expression == null ? "" : expression.strip());
            if (id != null) {
                ids.add(id);
            } else {
                out.add(parse(expression));
            }
        }
        if (!ids.isEmpty()) {
            Set<String> chosen = Set.copyOf(ids);
            out.add(0, new MessageFilter("id: (" + chosen.size() + " MessageId(s))", (m, now) -> chosen.contains(m.id())));
        }
        return List.copyOf(out);
    }

    public static MessageFilter parse(String expression) {
        String e = expression == null ? "" : expression.strip();
        if (e.startsWith("!")) {
            MessageFilter inner = parse(e.substring(1));
            return new MessageFilter(expression, (m, now) -> !inner.matches(m, now));
        }
        String id = FilterTerms.id(e);
        if (id != null) {
            return new MessageFilter(expression, (m, now) -> id.equals(m.id()));
        }
        for (BiPredicate<Msg, Instant> term : Arrays.asList(FilterTerms.json(expression), FilterTerms.origin(e),
                FilterTerms.sent(e), FilterTerms.size(e))) {
            if (term != null) {
                return new MessageFilter(expression, term);
            }
        }
        if (e.startsWith("body:")) {
            String text = e.substring(5);
            return new MessageFilter(expression, (m, now) -> m.body() != null && m.body().contains(text));
        }
        if (e.startsWith("body~")) {
            Pattern p = regex(e.substring(5), expression);
            return new MessageFilter(expression, (m, now) -> m.body() != null && p.matcher(m.body()).find());
        }
        Matcher age = AGE.matcher(e.toLowerCase(Locale.ROOT));
        if (age.matches()) {
            Duration d = duration(age.group(2), age.group(3), expression);
            boolean older = age.group(1).equals(">");
            return new MessageFilter(expression, (m, now) -> {
                Instant sent = sentAt(m);
                if (sent == null) {
                    return false;
                }
                boolean isOlder = Duration.between(sent, now).compareTo(d) > 0;
                return older == isOlder;
            });
        }
        // VALUE as typed, trailing spaces kept: the filter inspect prints for a group selects exactly its value.
        Matcher attr = ATTR.matcher(expression.stripLeading());
        if (attr.matches() && !attr.group(1).isBlank()) {
            return attribute(expression, attr.group(1).strip(), attr.group(2), attr.group(3));
        }
        throw RedriveException.usage("bad --filter '" + expression + "': expected " + SYNTAX);
    }

    private static MessageFilter attribute(String expression, String name, String op, String operand) {
        if (op == null) {
            return new MessageFilter(expression, (m, now) -> attribute(m, name) != null);
        }
        if (op.equals("=")) {
            return new MessageFilter(expression, (m, now) -> {
                MsgAttribute v = attribute(m, name);
                return v != null && operand.equals(FilterTerms.attributeValue(v));
            });
        }
        Pattern p = regex(operand, expression);
        return new MessageFilter(expression, (m, now) -> {
            String v = FilterTerms.attributeValue(attribute(m, name));
            return v != null && p.matcher(v).find();
        });
    }

    private static MsgAttribute attribute(Msg m, String name) {
        return m.attributes().get(name);
    }

    public static Instant sentAt(Msg m) {
        String sent = m.attribute(Msg.SystemAttribute.SENT_TIMESTAMP);
        try {
            return sent == null ? null : Instant.ofEpochMilli(Long.parseLong(sent));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** An age too large for a Duration (age>9999999999999999d overflowed) is bad input, not a crash. */
    private static Duration duration(String digits, String unit, String expression) {
        long perUnit = switch (unit) {
            case "s" -> 1;
            case "m" -> 60;
            case "h" -> 3600;
            default -> 86400;
        };
        try {
            return Duration.ofSeconds(Math.multiplyExact(Long.parseLong(digits), perUnit));
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            throw RedriveException.usage("bad --filter '" + expression + "': the age is too large, at most "
                    + Long.MAX_VALUE / perUnit + unit + " (SQS keeps a message 14 days at most)");
        }
    }

    static Pattern regex(String regex, String expression) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException ex) {
            throw RedriveException.usage("bad regular expression in --filter '" + expression + "': "
                    + ex.getDescription());
        }
    }

    @Override
    public String toString() {
        return expression;
    }
}
