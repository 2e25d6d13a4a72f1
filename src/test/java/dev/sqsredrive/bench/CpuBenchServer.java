package dev.sqsredrive.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import dev.sqsredrive.testing.ElasticMq;

/**
 * ElasticMQ in a JVM of its own, for measuring the CPU of a mover process alone (bench/cpu): the mover's
 * user+sys time is then its own, not the server's. Prints its endpoint, then reads commands on stdin, one a
 * line, and answers each with one line on stdout:
 * <ul>
 * <li>{@code fill N}: a fresh DLQ and destination, the DLQ holding N messages of 1 KiB with two attributes
 * (the latency phase's shape); answers {@code DLQ DEST} (queue names);</li>
 * <li>{@code check N}: the last pair's depths, answers {@code DLQ-DEPTH DEST-DEPTH} (expected {@code 0 N}),
 * then deletes both queues so that a long series does not fill the server's heap.</li>
 * </ul>
 * Ends when stdin closes.
 */
public final class CpuBenchServer {

    private CpuBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        var endpoint = ElasticMq.endpoint();
        System.out.println(endpoint);
        System.out.flush();
        var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BenchQueues last = null;
        int pairs = 0;
        for (String line; (line = in.readLine()) != null;) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "fill" -> {
                    last = new BenchQueues(endpoint, ElasticMq.REGION, "cpu" + pairs++);
                    last.fill(Integer.parseInt(words[1]), BenchQueues.Shape.KIB_WITH_ATTRIBUTES);
                    System.out.println(last.dlq.name() + " " + last.dest.name());
                }
                case "check" -> {
                    System.out.println(last.dlqDepth() + " " + last.destDepth());
                    last.close();
                    last = null;
                }
                default -> System.out.println("unknown command: " + line);
            }
            System.out.flush();
        }
        System.exit(0);
    }
}
