package dev.sqsredrive.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average (1, 5, 15 min) from /proc/loadavg: the benchmarks' note of how shared the CPU was. */
final class LoadAverage {

    private LoadAverage() {
    }

    /** "1min 5min 15min", or "unknown" where /proc/loadavg cannot be read. */
    static String now() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }
}
