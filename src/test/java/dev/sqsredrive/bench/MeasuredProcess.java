package dev.sqsredrive.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One benchmarked process (the mover, the raw loop, another tool), with what it cost: its peak resident memory,
 * sampled from /proc/PID/status (VmHWM) while it lives, and its CPU time (user+sys), read after it ended from
 * this JVM's waited-for children's times (/proc/self/stat cutime and cstime), which the kernel adds up when a
 * child is reaped; exact where sampling the child would miss its last moments. Processes run one at a time, so
 * the difference before and after is this one's (and its own children's).
 */
final class MeasuredProcess {

    /** Clock ticks per second of /proc's times: USER_HZ, 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Result(int exitCode, String stdout, String stderr, long peakRssKiB, double wallSeconds,
                  double cpuSeconds) {
    }

    private MeasuredProcess() {
    }

    static Result run(List<String> command, Map<String, String> env, Path workDir, long timeoutMinutes)
            throws Exception {
        Path out = Files.createTempFile(workDir, "run-", ".out");
        Path err = Files.createTempFile(workDir, "run-", ".err");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        long cpuBefore = childrenCpuTicks();
        long start = System.nanoTime();
        Process p = pb.start();
        Path status = Path.of("/proc", String.valueOf(p.pid()), "status");
        long peak = 0;
        long deadline = start + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwm(status));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly().waitFor();
                throw new IllegalStateException("timed out after " + timeoutMinutes + " min: " + command);
            }
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (childrenCpuTicks() - cpuBefore) / TICKS_PER_SECOND;
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), peak, wall, cpu);
    }

    /** cutime + cstime of this JVM: the CPU time of every child it has waited for, in clock ticks. */
    private static long childrenCpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // fields after the command name, which is in parentheses and may hold spaces: state is field 3
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
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
