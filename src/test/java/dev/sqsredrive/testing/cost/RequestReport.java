package dev.sqsredrive.testing.cost;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Appends to target/sqs-requests.txt how many SQS requests a test class made and what they would cost on
 * AWS ({@link SqsPrice}): where docs/TESTING.md's cost figures come from. Test classes run one after another
 * in the surefire JVM, so the difference of two snapshots is this class's alone.
 */
public final class RequestReport implements BeforeAllCallback, AfterAllCallback {

    static final Path REPORT = Path.of("target", "sqs-requests.txt");

    private Map<RequestCounter.Kind, Long> before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = RequestCounter.snapshot();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Map<RequestCounter.Kind, Long> counts = RequestCounter.since(before);
        if (counts.isEmpty()) {
            return; // skipped
        }
        String line = line(context.getRequiredTestClass().getSimpleName(), counts) + "\n";
        try {
            Files.createDirectories(REPORT.getParent());
            Files.writeString(REPORT, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(String suite, Map<RequestCounter.Kind, Long> counts) {
        long standard = SqsPrice.standard(counts);
        long fifo = SqsPrice.fifo(counts);
        String byOperation = new java.util.TreeMap<>(counts).entrySet().stream()
                .map(e -> e.getKey().operation() + (e.getKey().fifo() ? "(fifo)" : "") + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return suite + ": " + (standard + fifo) + " requests (standard " + standard + ", fifo " + fifo + ") = $"
                + SqsPrice.dollars(standard, fifo).toPlainString() + " at SQS prices; " + byOperation;
    }
}
