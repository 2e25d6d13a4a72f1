package dev.sqsredrive.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The commit the benchmark measures (bench/run runs it from the repository's root), for the report's header. */
final class Commit {

    private Commit() {
    }

    /** {@code git describe --always --dirty}: the short commit, "-dirty" with uncommitted changes; or "unknown". */
    static String describe() {
        try {
            Process p = new ProcessBuilder("git", "describe", "--always", "--dirty").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "unknown";
        } catch (Exception e) {
            return "unknown";
        }
    }
}
