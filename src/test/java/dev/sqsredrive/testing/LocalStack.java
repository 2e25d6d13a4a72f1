package dev.sqsredrive.testing;

import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * One LocalStack container for the whole test JVM, started on first use, shared by every LocalStack suite
 * (they keep apart through unique queue names, as on ElasticMQ). Suites using it are annotated
 * {@code @Testcontainers(disabledWithoutDocker = true)}, so without Docker they are skipped before this starts.
 */
public final class LocalStack {

    /** Pinned: LocalStack's SQS emulation changes between releases, and so would these results. */
    public static final DockerImageName IMAGE = DockerImageName.parse("localstack/localstack:4.9.2");
    /** LocalStack's default account. */
    public static final String ACCOUNT = "000000000000";

    private static LocalStackContainer container;

    private LocalStack() {
    }

    public static synchronized TestServer server() {
        if (container == null) {
            container = new LocalStackContainer(IMAGE).withServices("sqs");
            container.start(); // stopped by Testcontainers' reaper when the JVM ends
        }
        return new TestServer("LocalStack", container.getEndpoint(), container.getRegion(), ACCOUNT,
                ServerTraits.LOCALSTACK, QueueScope.UNIQUE);
    }
}
