package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/**
 * When a queue belongs to another account than the caller's. AWS-only behaviour (no emulator has accounts
 * or STS: DESIGN §5), so the caller's identity is scripted here; the ElasticMQ side is VerboseOutputTest.
 */
class CallerAccountTest {

    private static final String MINE = "444455556666";
    private static final String THEIRS = "111122223333";

    private final AtomicInteger stsCalls = new AtomicInteger();
    private final Function<String, String> sts = region -> {
        stsCalls.incrementAndGet();
        return MINE;
    };

    private static ResolvedQueue queue(String account) {
        return new ResolvedQueue("https://sqs.us-east-1.amazonaws.com/" + account + "/orders-dlq",
                "arn:aws:sqs:us-east-1:" + account + ":orders-dlq", Map.of());
    }

    @Test
    void anArnOfAnotherAccountOnAwsNamesTheCallersAccountAskingStsOnce() {
        CallerAccount accounts = new CallerAccount(Optional.empty(), sts);
        QueueRef arn = QueueRef.parse("arn:aws:sqs:us-east-1:" + THEIRS + ":orders-dlq");
        QueueRef url = QueueRef.parse("https://sqs.us-east-1.amazonaws.com/" + THEIRS + "/orders");

        assertThat(accounts.otherThanCaller(arn, queue(THEIRS))).contains(MINE);
        assertThat(accounts.otherThanCaller(url, queue(THEIRS))).contains(MINE);
        assertThat(stsCalls).hasValue(1);
    }

    @Test
    void theCallersOwnAccountOrAQueueGivenByNameSaysNothing() {
        CallerAccount accounts = new CallerAccount(Optional.of(URI.create("https://sqs.us-east-1.amazonaws.com")), sts);

        assertThat(accounts.otherThanCaller(QueueRef.parse("arn:aws:sqs:us-east-1:" + MINE + ":orders-dlq"),
                queue(MINE))).isEmpty();
        assertThat(stsCalls).hasValue(1);
        CallerAccount fresh = new CallerAccount(Optional.empty(), sts);
        assertThat(fresh.otherThanCaller(QueueRef.parse("orders-dlq"), queue(MINE))).isEmpty();
        assertThat(stsCalls).as("a name is looked up in the caller's own account: no STS call").hasValue(1);
    }

    @Test
    void anEndpointThatIsNotAwsNeverAsksSts() {
        CallerAccount accounts = new CallerAccount(Optional.of(URI.create("http://localhost:9324")), sts);

        assertThat(accounts.otherThanCaller(QueueRef.parse("arn:aws:sqs:us-east-1:" + THEIRS + ":orders-dlq"),
                queue(THEIRS))).isEmpty();
        assertThat(stsCalls).hasValue(0);
    }

    @Test
    void anStsFailureSaysNothingRatherThanStoppingTheCommand() {
        CallerAccount accounts = new CallerAccount(Optional.empty(), region -> {
            stsCalls.incrementAndGet();
            throw new IllegalStateException("no sts");
        });
        QueueRef arn = QueueRef.parse("arn:aws:sqs:us-east-1:" + THEIRS + ":orders-dlq");

        assertThat(accounts.otherThanCaller(arn, queue(THEIRS))).isEmpty();
        assertThat(accounts.otherThanCaller(arn, queue(THEIRS))).isEmpty();
        assertThat(stsCalls).as("asked once, also when it failed").hasValue(1);
    }
}
