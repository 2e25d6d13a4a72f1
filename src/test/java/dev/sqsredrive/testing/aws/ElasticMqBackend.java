package dev.sqsredrive.testing.aws;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.ServerTraits;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ as the backend of a run: where the naming, tagging, cleanup and sweeping meant for AWS are
 * tested, on a real server, without an account. ElasticMQ keeps tags and CreatedTimestamp as AWS does.
 */
final class ElasticMqBackend {

    private ElasticMqBackend() {
    }

    static SqsClient client() {
        return SqsClient.builder().endpointOverride(ElasticMq.endpoint()).region(Region.of(ElasticMq.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(ApacheHttpClient.create()).build();
    }

    static E2eBackend connect() {
        return new E2eBackend("ElasticMQ", client(), ElasticMq.endpoint(), ElasticMq.REGION, ElasticMq.ACCOUNT,
                ServerTraits.ELASTIC_MQ);
    }
}
