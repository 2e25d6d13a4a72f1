package dev.sqsredrive.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sqsredrive.testing.ElasticMq;
import dev.sqsredrive.testing.MoverSummary;

/**
 * One `redrive start --mode client` run as a user runs it (dist/redrive, the packaged jar, the launcher's JVM
 * options), measured by {@link MeasuredProcess}; its own JSON summary parsed.
 */
final class MoverProcess {

    record Result(MoverSummary summary, long peakRssKiB, double wallSeconds, double cpuSeconds) {
    }

    private MoverProcess() {
    }

    static Result run(Path launcher, Map<String, String> env, Path workDir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        MeasuredProcess.Result r = MeasuredProcess.run(command, env, workDir, 30);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("mover exited " + r.exitCode() + ":\n" + r.stdout() + r.stderr());
        }
        return new Result(MoverSummary.parse(r.stdout(), r.stdout() + r.stderr()), r.peakRssKiB(), r.wallSeconds(),
                r.cpuSeconds());
    }

    /** The mover's environment against this endpoint, with a state directory of its own under work. */
    static Map<String, String> env(URI sqsEndpoint, Path work) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_ACCESS_KEY_ID", "bench");
        env.put("AWS_SECRET_ACCESS_KEY", "bench");
        env.put("AWS_REGION", ElasticMq.REGION);
        env.put("AWS_ENDPOINT_URL", sqsEndpoint.toString());
        env.put("REDRIVE_STATE_DIR", Files.createTempDirectory(work, "state-").toString());
        env.put("REDRIVE_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String opts = System.getProperty("bench.redriveJavaOpts"); // to find where memory goes, e.g. -Xmx64m
        if (opts != null) {
            env.put("REDRIVE_JAVA_OPTS", opts);
        }
        return env;
    }
}
