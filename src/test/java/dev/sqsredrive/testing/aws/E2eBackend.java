package dev.sqsredrive.testing.aws;

import java.net.URI;

import dev.sqsredrive.testing.ServerTraits;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A server a run's queues live on, as {@link RunQueuesExtension} needs it: AWS itself in the AWS suites, an
 * emulator where the extension's own tests check that it cleans up.
 *
 * @param name     for test names
 * @param sqs      the client cleanup and sweeping use (closed by the extension)
 * @param endpoint null for AWS itself
 */
public record E2eBackend(String name, SqsClient sqs, URI endpoint, String region, String account,
                         ServerTraits traits) {
}
