package dev.sqsredrive.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskHandlesTest {

    static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anAwsHandleIsBase64JsonNamingItsSourceArn() {
        // The shape of the example handle in the StartMessageMoveTask API reference.
        String handle = "eyJ0YXNrSWQiOiJkYzE2OTUxZS0xYjBkLTQ5NjEtOGZlYS04NzY5Y2ZlNWJlNjkiLCJzb3VyY2VBcm4iOiJhcm46YXdz"
                + "OnNxczp1cy1lYXN0LTE6MTExMTExMTExMTExOk15RGVhZExldHRlclF1ZXVlIn0=";
        assertThat(TaskHandles.sourceArnOf(handle)).contains("arn:aws:sqs:us-east-1:111111111111:MyDeadLetterQueue");
        assertThat(TaskHandles.sourceArnOf(" " + handle + "\n")).isPresent();
    }

    @Test
    void otherPartitionsToo() {
        String handle = base64("{\"taskId\":\"t-1\",\"sourceArn\":\"arn:aws-cn:sqs:cn-north-1:123456789012:dlq\"}");
        assertThat(TaskHandles.sourceArnOf(handle)).contains("arn:aws-cn:sqs:cn-north-1:123456789012:dlq");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "072e5d2f-0c64-4bc2-8284-edb15f22dec6", // ElasticMQ: a UUID
            "not base64!",
            "",
            "AQEB6nR4HzlvZQ==", // base64, but not JSON
    })
    void otherHandlesAreOpaque(String handle) {
        assertThat(TaskHandles.sourceArnOf(handle)).isEmpty();
    }

    @Test
    void base64JsonWithoutAnArnIsOpaqueToo() {
        assertThat(TaskHandles.sourceArnOf(base64("{\"taskId\":\"t-1\"}"))).isEmpty();
        assertThat(TaskHandles.sourceArnOf(base64("{\"sourceArn\":\"orders-dlq\"}"))).isEmpty();
        assertThat(TaskHandles.sourceArnOf(base64("{\"sourceArn\":42}"))).isEmpty();
        assertThat(TaskHandles.sourceArnOf(base64("[\"arn:aws:sqs:us-east-1:123456789012:q\"]"))).isEmpty();
    }
}
