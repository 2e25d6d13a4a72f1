package dev.sqsredrive.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueRefTest {

    @Test
    void aNameIsJustAName() {
        QueueRef ref = QueueRef.parse("  orders-dlq ");
        assertThat(ref.name()).isEqualTo("orders-dlq");
        assertThat(ref.input()).isEqualTo("  orders-dlq ");
        assertThat(ref.accountId()).isEmpty();
        assertThat(ref.region()).isEmpty();
        assertThat(ref.url()).isEmpty();
        assertThat(ref.isFifoName()).isFalse();
    }

    @Test
    void namesMayHaveEightyCharactersOfWhichAFifoSuffixTakesFive() {
        String eighty = "a".repeat(40) + "_" + "B".repeat(20) + "-" + "9".repeat(18);
        assertThat(eighty).hasSize(80);
        assertThat(QueueRef.parse(eighty).name()).isEqualTo(eighty);
        assertThat(QueueRef.parse("x".repeat(75) + ".fifo").isFifoName()).isTrue();

        assertThatThrownBy(() -> QueueRef.parse("a".repeat(81))).isInstanceOf(RedriveException.class)
                .hasMessageContaining("1 to 80");
        assertThatThrownBy(() -> QueueRef.parse("x".repeat(76) + ".fifo")).hasMessageContaining("bad queue name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orders dlq", "orders.dlq", "orders/dlq", "dlq.FIFO", ".fifo", "ördërs", "a:b"})
    void malformedNamesAreUsageErrorsNamingTheRule(String input) {
        assertThatThrownBy(() -> QueueRef.parse(input))
                .isInstanceOfSatisfying(RedriveException.class,
                        e -> assertThat(e.kind()).isEqualTo(RedriveException.Kind.USAGE))
                .hasMessageContaining("bad queue name")
                .hasMessageContaining("letters, digits");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptyQueueIsAUsageError(String input) {
        assertThatThrownBy(() -> QueueRef.parse(input)).hasMessageContaining("empty queue");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq, eu-west-1, orders-dlq",
            "https://sqs.cn-north-1.amazonaws.com.cn/123456789012/orders-dlq, cn-north-1, orders-dlq",
            "https://sqs-fips.us-gov-west-1.amazonaws.com/123456789012/o.fifo, us-gov-west-1, o.fifo",
            "https://sqs.ap-southeast-2.api.aws/123456789012/orders-dlq, ap-southeast-2, orders-dlq",
            "https://eu-central-1.queue.amazonaws.com/123456789012/orders-dlq, eu-central-1, orders-dlq",
            "https://queue.amazonaws.com/123456789012/orders-dlq, us-east-1, orders-dlq",
            "HTTPS://SQS.US-WEST-2.AMAZONAWS.COM/123456789012/Orders, us-west-2, Orders",
            "https://sqs.eu-west-1.amazonaws.com/123456789012/orders-dlq/, eu-west-1, orders-dlq",
    })
    void awsUrlsNameTheirRegionAccountAndQueue(String url, String region, String name) {
        QueueRef ref = QueueRef.parse(url);
        assertThat(ref.region()).contains(region);
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.url()).contains(url);
    }

    @Test
    void localUrlsHaveNoRegionAndMayHaveNoAccount() {
        QueueRef elasticMq = QueueRef.parse("http://localhost:9324/000000000000/orders-dlq");
        assertThat(elasticMq.region()).isEmpty();
        assertThat(elasticMq.accountId()).contains("000000000000");
        assertThat(elasticMq.name()).isEqualTo("orders-dlq");

        QueueRef legacyElasticMq = QueueRef.parse("http://127.0.0.1:9324/queue/orders-dlq");
        assertThat(legacyElasticMq.accountId()).isEmpty();
        assertThat(legacyElasticMq.name()).isEqualTo("orders-dlq");

        QueueRef localStack = QueueRef.parse(
                "http://sqs.us-east-1.localhost.localstack.cloud:4566/000000000000/orders-dlq");
        assertThat(localStack.region()).isEmpty();
        assertThat(localStack.name()).isEqualTo("orders-dlq");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ftp://sqs.us-east-1.amazonaws.com/123456789012/q        | not a queue URL
            https:///123456789012/q                                 | not a queue URL
            https://sqs.us-east-1.amazonaws.com/q                   | the path must be /ACCOUNT/QUEUE
            https://sqs.us-east-1.amazonaws.com/123456789012/a/b    | the path must be /ACCOUNT/QUEUE
            https://sqs.us-east-1.amazonaws.com/123456789012/a b    | not a queue URL
            https://sqs.us-east-1.amazonaws.com/123456789012/a.b    | bad queue name 'a.b'
            """)
    void malformedUrlsAreUsageErrors(String url, String expected) {
        assertThatThrownBy(() -> QueueRef.parse(url)).isInstanceOf(RedriveException.class)
                .hasMessageContaining(expected).hasMessageContaining(url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "arn:aws:sqs:eu-west-1:123456789012:orders-dlq, eu-west-1, orders-dlq",
            "arn:aws-cn:sqs:cn-northwest-1:123456789012:orders-dlq, cn-northwest-1, orders-dlq",
            "arn:aws-us-gov:sqs:us-gov-east-1:123456789012:orders.fifo, us-gov-east-1, orders.fifo",
            "arn:aws-iso-b:sqs:us-isob-east-1:123456789012:q, us-isob-east-1, q",
    })
    void arnsOfEveryPartitionNameTheirRegionAndAccount(String arn, String region, String name) {
        QueueRef ref = QueueRef.parse(arn);
        assertThat(ref.region()).isEqualTo(Optional.of(region));
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.name()).isEqualTo(name);
        assertThat(ref.url()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            arn:aws:sns:us-east-1:123456789012:topic       | not an SQS queue ARN
            arn:aws:sqs:us-east-1:123456789012             | not an SQS queue ARN
            arn:aws:sqs:us-east-1:123456789012:q:extra     | not an SQS queue ARN
            arn::sqs:us-east-1:123456789012:q              | not an SQS queue ARN
            arn:aws:sqs:US_EAST:123456789012:q             | bad region 'US_EAST'
            arn:aws:sqs::123456789012:q                    | bad region ''
            arn:aws:sqs:us-east-1:1234:q                   | bad account id '1234'
            arn:aws:sqs:us-east-1:123456789012:bad.name    | bad queue name 'bad.name'
            """)
    void malformedArnsAreUsageErrors(String arn, String expected) {
        assertThatThrownBy(() -> QueueRef.parse(arn)).isInstanceOf(RedriveException.class)
                .hasMessageContaining(expected);
    }
}
