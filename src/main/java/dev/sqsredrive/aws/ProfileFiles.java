package dev.sqsredrive.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import software.amazon.awssdk.profiles.ProfileFile;

/**
 * ~/.aws/config and ~/.aws/credentials as the given environment locates them (AWS_CONFIG_FILE,
 * AWS_SHARED_CREDENTIALS_FILE, HOME), rather than as the SDK would from this process's own environment:
 * the same for the real CLI, and lets tests keep the developer's ~/.aws out.
 */
final class ProfileFiles {

    private ProfileFiles() {
    }

    /** The files that exist, merged; empty when there is none. */
    static ProfileFile of(Map<String, String> env) {
        var files = ProfileFile.aggregator();
        add(files, location(env, "AWS_CONFIG_FILE", "config"), ProfileFile.Type.CONFIGURATION);
        add(files, location(env, "AWS_SHARED_CREDENTIALS_FILE", "credentials"), ProfileFile.Type.CREDENTIALS);
        return files.build();
    }

    private static Path location(Map<String, String> env, String variable, String defaultName) {
        String named = env.get(variable);
        if (named != null && !named.isBlank()) {
            return Path.of(named.strip());
        }
        String home = env.get("HOME");
        return Path.of(home == null || home.isBlank() ? System.getProperty("user.home") : home, ".aws", defaultName);
    }

    private static void add(ProfileFile.Aggregator files, Path path, ProfileFile.Type type) {
        if (Files.isRegularFile(path)) {
            files.addFile(ProfileFile.builder().content(path).type(type).build());
        }
    }
}
