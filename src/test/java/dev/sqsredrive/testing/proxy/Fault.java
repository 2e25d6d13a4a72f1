package dev.sqsredrive.testing.proxy;

import java.time.Duration;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the proxy does to one matched call instead of (or on top of) forwarding it faithfully. */
public sealed interface Fault {

    /** Answers with this HTTP status and an SQS-shaped error body; the server never sees the call. */
    record ServerError(int status) implements Fault {
    }

    /**
     * Answers a throttling error with this code (RequestThrottled, KMS.ThrottlingException; HTTP 400) in the
     * request's protocol (JSON or query/XML), or as XML whatever the request spoke when {@code xml} is set (an
     * endpoint or a proxy in front of it that answers in the query protocol's form); not forwarded.
     */
    record Throttle(String code, boolean xml) implements Fault {
    }

    /** Resets the TCP connection before forwarding: the server never sees the call. */
    record ResetBeforeForward() implements Fault {
    }

    /**
     * Forwards the call, then resets the connection instead of answering: the server did the work but the
     * client cannot know (the "lost response" window, where a retried send duplicates).
     */
    record ResetAfterForward() implements Fault {
    }

    /**
     * Holds the call without forwarding or answering, as an endpoint that accepts connections and never
     * answers does, until the rule is taken out ({@link FaultProxy#remove}) or the proxy closes; then resets the
     * connection. The server never sees the call.
     */
    record Stall() implements Fault {
    }

    /** Delays the call by this much, then forwards it. */
    record Latency(Duration delay) implements Fault {
    }

    /**
     * For SendMessageBatch / DeleteMessageBatch (JSON protocol): the chosen entries are taken out of the request
     * before it is forwarded (so they really do not happen) and reported under "Failed" with this SenderFault,
     * as SQS reports a partial failure. Chosen: entries whose MessageBody contains {@code bodyMarker} when it is
     * set (the same messages fail every time), else the first {@code entries} of the batch.
     */
    record FailEntries(int entries, String bodyMarker, boolean senderFault) implements Fault {
    }

    /**
     * For SendMessageBatch (JSON protocol): the whole batch is forwarded and stored, then the first
     * {@code entries} of the server's "Successful" list are moved to "Failed" with SenderFault false
     * (InternalError): a server-side entry failure whose message the server kept anyway, so the client cannot
     * know whether it arrived.
     */
    record StoredButFailed(int entries) implements Fault {
    }

    /**
     * Forwards the call, then lets {@code edit} change the server's JSON answer before the client sees it: for a
     * queue state the test server cannot reach (the test using it names which). Answers other than 200 pass as
     * they are.
     */
    record EditAnswer(Consumer<ObjectNode> edit) implements Fault {
    }

    /**
     * Lets {@code edit} change the call's JSON request before it is forwarded: what the server stores is not
     * what the client sent (a copy altered on its way), and the server's answer speaks of what it stored.
     */
    record EditRequest(Consumer<ObjectNode> edit) implements Fault {
    }

    static Fault serverError(int status) {
        return new ServerError(status);
    }

    static Fault throttle() {
        return new Throttle("RequestThrottled", false);
    }

    static Fault throttle(String code, boolean xml) {
        return new Throttle(code, xml);
    }

    static Fault resetBeforeForward() {
        return new ResetBeforeForward();
    }

    static Fault resetAfterForward() {
        return new ResetAfterForward();
    }

    static Fault stall() {
        return new Stall();
    }

    static Fault latency(Duration delay) {
        return new Latency(delay);
    }

    static Fault failEntries(int entries, boolean senderFault) {
        return new FailEntries(entries, null, senderFault);
    }

    static Fault storedButFailed(int entries) {
        return new StoredButFailed(entries);
    }

    static Fault editAnswer(Consumer<ObjectNode> edit) {
        return new EditAnswer(edit);
    }

    static Fault editRequest(Consumer<ObjectNode> edit) {
        return new EditRequest(edit);
    }

    static Fault failBodies(String bodyMarker, boolean senderFault) {
        return new FailEntries(0, bodyMarker, senderFault);
    }
}
