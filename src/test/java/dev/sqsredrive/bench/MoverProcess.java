package dev.sqsredrive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.sqsredrive.testing.MoverSummary;

/**
 * One `redrive start --mode client` run as a user runs it (dist/redrive, the packaged jar, the launcher's JVM
 * options), with its peak resident memory sampled from /proc/PID/status (VmHWM) while it lives.
 */
final class MoverProcess {

    record Result(MoverSummary summary, long peakRssKiB, double wallSeconds) {
    }

    private MoverProcess() {
    }

    static Result run(Path launcher, Map<String, String> env, Path workDir, List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(args);
        Path out = Files.createTempFile(workDir, "mover-", ".out");
        Path err = Files.createTempFile(workDir, "mover-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long peak = 0;
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwm(status));
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException("mover exited " + p.exitValue() + ":\n" + stdout + Files.readString(err));
        }
        return new Result(MoverSummary.parse(stdout, stdout + Files.readString(err)), peak, wall);
    }

    /** Peak resident set size so far, in KiB; 0 once the process is gone. */
    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two samples
        }
        return 0;
    }
}
