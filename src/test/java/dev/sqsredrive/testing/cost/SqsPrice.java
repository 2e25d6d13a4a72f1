package dev.sqsredrive.testing.cost;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * What requests cost at SQS's published prices (https://aws.amazon.com/sqs/pricing/, us-east-1, first
 * 100 billion requests a month, read 2025): $0.40 per million standard requests and $0.50 per million FIFO
 * requests, after the free tier's first million requests a month. Prices change and differ by region: this
 * is an estimate, not a bill. Each 64 KiB of a request's payload is billed as one request; the suites send
 * small messages, so one call is one request.
 */
public final class SqsPrice {

    public static final BigDecimal STANDARD_PER_MILLION = new BigDecimal("0.40");
    public static final BigDecimal FIFO_PER_MILLION = new BigDecimal("0.50");
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private SqsPrice() {
    }

    /** Dollars for these requests, beyond the free tier. */
    public static BigDecimal dollars(long standard, long fifo) {
        return STANDARD_PER_MILLION.multiply(BigDecimal.valueOf(standard))
                .add(FIFO_PER_MILLION.multiply(BigDecimal.valueOf(fifo)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }

    public static long standard(Map<RequestCounter.Kind, Long> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().fifo()).mapToLong(Map.Entry::getValue).sum();
    }

    public static long fifo(Map<RequestCounter.Kind, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().fifo()).mapToLong(Map.Entry::getValue).sum();
    }
}
