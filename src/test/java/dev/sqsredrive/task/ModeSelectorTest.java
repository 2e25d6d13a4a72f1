package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.aws.ResolvedQueue;
import dev.sqsredrive.task.ModeSelector.Mode;
import org.junit.jupiter.api.Test;

/** The AWS-only side of the mode choice (accounts, regions, endpoints), which ElasticMQ cannot show. */
class ModeSelectorTest {

    private static ResolvedQueue queue(String arn, boolean fifo) {
        return new ResolvedQueue("https://sqs/" + arn, arn, Map.of("QueueArn", arn, "FifoQueue", Boolean.toString(fifo)));
    }

    private static final ResolvedQueue DLQ = queue("arn:aws:sqs:eu-west-1:111111111111:dlq", false);
    private static final List<String> SOURCES = List.of("https://sqs/orders");
    private static final Optional<URI> AWS = Optional.empty();

    @Test
    void aDestinationInAnotherAccountOrRegionGoesClientSideInAuto() {
        var otherAccount = ModeSelector.online(Mode.AUTO, DLQ, queue("arn:aws:sqs:eu-west-1:222222222222:t", false),
                SOURCES, AWS);
        assertThat(otherAccount.client()).isTrue();
        assertThat(otherAccount.reason()).contains("another account or region");
        var otherRegion = ModeSelector.online(Mode.AUTO, DLQ, queue("arn:aws:sqs:us-east-1:111111111111:t", false),
                SOURCES, AWS);
        assertThat(otherRegion.client()).isTrue();
        assertThatThrownBy(() -> ModeSelector.online(Mode.NATIVE, DLQ,
                queue("arn:aws:sqs:us-east-1:111111111111:t", false), SOURCES, AWS))
                .isInstanceOf(RedriveException.class).hasMessageContaining("--mode native cannot do this");
    }

    @Test
    void aFifoDlqStaysNativeOnAwsAndGoesClientSideOnOtherEndpoints() {
        ResolvedQueue fifo = queue("arn:aws:sqs:eu-west-1:111111111111:dlq.fifo", true);
        assertThat(ModeSelector.online(Mode.AUTO, fifo, null, SOURCES, AWS).client()).isFalse();
        assertThat(ModeSelector.online(Mode.AUTO, fifo, null, SOURCES,
                Optional.of(URI.create("https://sqs.eu-west-1.amazonaws.com"))).client()).isFalse();
        assertThat(ModeSelector.online(Mode.AUTO, fifo, null, SOURCES,
                Optional.of(URI.create("http://localhost:9324"))).client()).isTrue();
    }

    @Test
    void aSourceNoQueueDeadLettersIntoGoesClientSideOnlyWithADestination() {
        ResolvedQueue to = queue("arn:aws:sqs:eu-west-1:111111111111:to", false);
        assertThat(ModeSelector.online(Mode.AUTO, DLQ, to, List.of(), AWS).client()).isTrue();
        // Without --to, nothing could be routed: stay on the native path, whose planner refuses in words.
        assertThat(ModeSelector.online(Mode.AUTO, DLQ, null, List.of(), AWS).client()).isFalse();
    }

    @Test
    void nativeWhenNothingStandsInTheWay() {
        assertThat(ModeSelector.online(Mode.AUTO, DLQ, null, SOURCES, AWS)).isEqualTo(new ModeSelector.Decision(false,
                null));
        assertThat(ModeSelector.offline(Mode.AUTO, 500.0, ClientOptions.none())).isNull();
        assertThat(ModeSelector.offline(Mode.AUTO, 0.5, ClientOptions.none()).client()).isTrue();
    }

    @Test
    void anEndpointWithoutTheApiIsRecognisedByItsErrorCode() {
        assertThat(ModeSelector.unsupportedReason("InvalidAction")).contains("does not support");
        assertThat(ModeSelector.unsupportedReason("UnknownOperationException")).isNotNull();
        assertThat(ModeSelector.unsupportedReason("InvalidParameterValue")).isNull(); // a real refusal
        // ElasticMQ's answer when a task already runs on the source: falling back would mean two movers.
        assertThat(ModeSelector.unsupportedReason("UnsupportedOperation")).isNull();
    }
}
