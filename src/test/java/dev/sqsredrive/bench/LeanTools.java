package dev.sqsredrive.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;

import dev.sqsredrive.cli.ExitCode;
import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;

/**
 * How the lean phase starts each tool on one pair of queues, and what it keeps of the run: the measured process,
 * what the tool said about its own concurrency, or why it refused the setting. A setting redrive refuses (e.g.
 * {@code --concurrency 128} while its bound is 64) is a row marked with its message, not a failed benchmark; any
 * other failure of redrive stops the benchmark, as a loss would.
 */
final class LeanTools {

    /**
     * @param reported what the tool's own summary says about its concurrency (fields named *concurrency* or
     *                 *workers*), or "" when it says nothing
     * @param refused  the tool's one-line refusal of the setting, or null when it ran
     */
    record Outcome(MeasuredProcess.Result process, String reported, String refused) {
    }

    private final Path launcher;
    private final Path work;
    private final LumigoCli lumigo;

    LeanTools(Path launcher, Path work, LumigoCli lumigo) {
        this.launcher = launcher;
        this.work = work;
        this.lumigo = lumigo;
    }

    Outcome move(LeanRun run, BenchQueues q, URI endpoint) throws Exception {
        return LeanRun.REDRIVE.equals(run.tool()) ? redrive(run, q, endpoint) : lumigo(run, q, endpoint);
    }

    private Outcome redrive(LeanRun run, BenchQueues q, URI endpoint) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
        command.addAll(MoverBenchmark.moveArgs(q, null));
        if (run.concurrency() != null) {
            command.addAll(List.of("--concurrency", String.valueOf(run.concurrency())));
        }
        MeasuredProcess.Result r = MeasuredProcess.run(command, MoverProcess.env(endpoint, work), work, 30);
        if (r.exitCode() == ExitCode.USAGE.code() && q.dlqDepth() == run.messages()) {
            return new Outcome(r, "", r.stderr().strip().lines().findFirst().orElse("exit " + r.exitCode()));
        }
        if (r.exitCode() != 0) {
            throw new IllegalStateException("redrive at " + run + " exited " + r.exitCode() + ":\n" + r.stdout()
                    + r.stderr());
        }
        MoverSummary summary = MoverSummary.parse(r.stdout(), r.stdout() + r.stderr());
        if (summary.moved() != run.messages()) {
            throw new IllegalStateException("redrive at " + run + " reported " + summary.raw());
        }
        return new Outcome(r, concurrencyFields(summary.raw(), run.isDefault()), null);
    }

    private Outcome lumigo(LeanRun run, BenchQueues q, URI endpoint) throws Exception {
        MeasuredProcess.Result r = MeasuredProcess.run(lumigo.replay(q.dlq.name(), q.dest.name(), ElasticMq.REGION,
                run.concurrency()), LumigoCli.env(endpoint), work, 30);
        return new Outcome(r, run.isDefault() ? LumigoCli.DEFAULT_CONCURRENCY + " (its documented default)" : "",
                null);
    }

    /**
     * The fields of a summary that name a concurrency, e.g. "concurrency 16", or an object's fields in one
     * ("workers: adaptive true, atEnd 40, peak 52"); for a default run, "none in its summary" when there is none.
     */
    static String concurrencyFields(JsonNode summary, boolean isDefault) {
        StringJoiner found = new StringJoiner("; ");
        summary.fields().forEachRemaining(f -> {
            String name = f.getKey().toLowerCase(Locale.ROOT);
            if (!name.contains("concurrency") && !name.contains("workers")) {
                return;
            }
            if (f.getValue().isValueNode()) {
                found.add(f.getKey() + " " + f.getValue().asText());
            } else if (f.getValue().isObject()) {
                StringJoiner inner = new StringJoiner(", ", f.getKey() + ": ", "");
                f.getValue().fields().forEachRemaining(g -> inner.add(g.getKey() + " " + g.getValue().asText()));
                found.add(inner.toString());
            }
        });
        return found.length() == 0 && isDefault ? "no concurrency in its summary" : found.toString();
    }
}
