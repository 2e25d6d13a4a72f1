package dev.sqsredrive.mover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import dev.sqsredrive.aws.QueueRef;
import dev.sqsredrive.aws.RedriveException;
import dev.sqsredrive.mover.sqs.SqsKind;
import org.junit.jupiter.api.Test;

/** References are tried on the kinds in order; the first that recognises one parses it. */
class QueueKindsTest {

    /** Stands for the file kind to come: recognises file: references only. */
    private static final QueueKind<String> FILES = new QueueKind<>() {
        @Override
        public String name() {
            return "file";
        }

        @Override
        public Optional<String> parse(String reference) {
            return reference.startsWith("file:") ? Optional.of(reference.substring(5)) : Optional.empty();
        }
    };

    private final QueueKinds kinds = new QueueKinds(List.of(FILES, SqsKind.INSTANCE));

    @Test
    void theFirstKindThatRecognisesAReferenceParsesIt() {
        assertThat(kinds.parse("file:/tmp/dlq.ndjson").as(FILES, String.class)).contains("/tmp/dlq.ndjson");
        QueueKinds.Parsed sqs = kinds.parse("arn:aws:sqs:us-east-1:123456789012:orders-dlq");
        assertThat(sqs.as(FILES, String.class)).isEmpty();
        assertThat(sqs.as(SqsKind.INSTANCE, QueueRef.class)).get().extracting(QueueRef::name).isEqualTo("orders-dlq");
    }

    @Test
    void aMalformedSqsReferenceIsStillQueueRefsUsageError() {
        assertThatThrownBy(() -> kinds.parse("bad name!")).isInstanceOf(RedriveException.class)
                .hasMessageContaining("bad queue name 'bad name!'");
    }

    @Test
    void aReferenceNoKindRecognisesIsAUsageErrorNamingTheKinds() {
        assertThatThrownBy(() -> new QueueKinds(List.of(FILES)).parse("orders-dlq"))
                .isInstanceOf(RedriveException.class).hasMessage("'orders-dlq' is no file reference");
    }
}
