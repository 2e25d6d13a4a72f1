package dev.sqsredrive.task;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where sqs-redrive keeps what it must remember between runs (tasks it started, client-side journals):
 * $REDRIVE_STATE_DIR, else $XDG_STATE_HOME/sqs-redrive, else ~/.local/state/sqs-redrive (XDG base
 * directories; on macOS and Windows the same path under the home directory keeps things predictable).
 */
public final class StateDir {

    private StateDir() {
    }

    public static Path resolve(Map<String, String> env) {
        String explicit = env.get("REDRIVE_STATE_DIR");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = env.get("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "sqs-redrive");
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".local", "state", "sqs-redrive");
    }
}
