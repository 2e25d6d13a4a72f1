package dev.sqsredrive.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The lean phase's verdicts read what the lead will paste into docs/PERFORMANCE.md: a ratio from the medians,
 * "not measured" with the tool's message where a setting was refused (never met by default), and the default's
 * concurrency as the tool's own summary states it.
 */
class LeanVerdictsTest {

    private static final LeanRun.Knobs KNOBS = new LeanRun.Knobs(20_000, 10_000, 100_000, List.of(20, 60),
            List.of(16, 64, 128), List.of(16, 64), true);

    @Test
    void ratiosComeFromTheMediansAndARefusedSettingIsNotMeasured() {
        LeanReport report = new LeanReport();
        report.loadNow();
        add(report, new LeanRun(LeanRun.REDRIVE, null, 0, 20_000), 1000, 120, 12.0, 14.0, 13.0); // median 13 s
        add(report, new LeanRun(LeanRun.LUMIGO, null, 0, 20_000), 1000, 100, 10.0);
        add(report, new LeanRun(LeanRun.REDRIVE, null, 20, 20_000), 3000, 120, 10.0);
        add(report, new LeanRun(LeanRun.LUMIGO, 16, 20, 20_000), 1000, 100, 10.0);
        add(report, new LeanRun(LeanRun.LUMIGO, 64, 20, 20_000), 2000, 100, 10.0);
        add(report, new LeanRun(LeanRun.REDRIVE, 64, 20, 20_000), 1000, 160, 10.0);
        report.refused(new LeanRun(LeanRun.REDRIVE, 128, 20, 20_000), "redrive: --concurrency takes 1 to 64, not 128");
        report.refused(new LeanRun(LeanRun.REDRIVE, 128, 60, 20_000), "redrive: --concurrency takes 1 to 64, not 128");

        String out = print(report);

        assertThat(out).contains("| CPU per message, unthrottled, 20,000 msgs: redrive default ≤ 1.2× lumigo-cli's"
                + " default (stretch ≤ 1.0×) | 6.50 vs 5.00 CPU s / 10k msgs | 1.30× | **missed** |");
        assertThat(out).contains("| 3000 vs 2000 msg/s (lumigo-cli replay-sqs-dlq at 64) | 1.50× | met |");
        assertThat(out).contains("| peak RSS ≤ 150 MiB at --concurrency 64 | 160 MiB (highest, at +20 ms) | 1.07×"
                + " | **missed** |");
        assertThat(out).contains("| peak RSS ≤ 150 MiB at --concurrency 128 | not run: refused: redrive:"
                + " --concurrency takes 1 to 64, not 128 | – | not measured |");
        assertThat(out).contains("| CPU per message, unthrottled, 100,000 msgs").contains("not measured");
        assertThat(out).contains("| 20 ms | redrive | 128 | 20000 | – | – | – | – | – | – | 0 | refused: redrive:"
                + " --concurrency takes 1 to 64, not 128 |");
    }

    @Test
    void theDefaultsConcurrencyIsWhatItsSummarySays() throws Exception {
        ObjectMapper json = new ObjectMapper();

        assertThat(LeanTools.concurrencyFields(json.readTree("{\"moved\":5,\"workers\":{\"adaptive\":true,"
                + "\"atEnd\":40,\"peak\":52}}"), true)).isEqualTo("workers: adaptive true, atEnd 40, peak 52");
        assertThat(LeanTools.concurrencyFields(json.readTree("{\"concurrency\":16}"), true))
                .isEqualTo("concurrency 16");
        assertThat(LeanTools.concurrencyFields(json.readTree("{\"moved\":5}"), true))
                .isEqualTo("no concurrency in its summary");
        assertThat(LeanTools.concurrencyFields(json.readTree("{\"moved\":5}"), false)).isEmpty();
    }

    private static void add(LeanReport report, LeanRun run, double rate, long rssMiB, double... cpuSeconds) {
        for (double cpu : cpuSeconds) {
            report.add(run, rate, new MeasuredProcess.Result(0, "", "", rssMiB * 1024, 1, cpu),
                    new BenchCensus(run.messages(), 0, 0, 0, run.messages(), 0), "");
        }
    }

    private static String print(LeanReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        report.print(out, Instant.EPOCH);
        new LeanVerdicts(report, KNOBS).print(out);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
