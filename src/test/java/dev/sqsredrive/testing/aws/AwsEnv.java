package dev.sqsredrive.testing.aws;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment of a `redrive` run against AWS itself: its own state directory, and the caller's
 * credentials, profile and region as the shell gave them (an emulator run gets test credentials instead,
 * see {@code Redrive.baseEnv}). Never an endpoint override: {@link AwsOptIn} refuses to run with one set.
 */
public final class AwsEnv {

    private AwsEnv() {
    }

    public static Map<String, String> forCli(Path stateDir, Map<String, String> real) {
        Map<String, String> env = new HashMap<>();
        real.forEach((name, value) -> {
            if (name.startsWith("AWS_") && !name.startsWith("AWS_ENDPOINT_URL")) {
                env.put(name, value);
            }
        });
        if (real.containsKey("HOME")) {
            env.put("HOME", real.get("HOME")); // where ~/.aws/config and ~/.aws/credentials are read from
        }
        env.put("REDRIVE_STATE_DIR", stateDir.toString());
        return env;
    }
}
