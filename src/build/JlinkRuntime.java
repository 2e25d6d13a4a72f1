import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;

/**
 * Build step (run as a source file at pre-integration-test): the Java runtime the self-contained archive carries.
 * jdeps lists the JDK modules the shaded jar refers to, less the ones named as never run (see pom.xml,
 * dist.runtime.unused); jlink links those, without debug attributes, headers or man pages, into OUTPUT.
 * Usage: java JlinkRuntime.java JAR OUTPUT [UNUSED,MODULES]. Prints the modules and the runtime's size.
 */
public final class JlinkRuntime {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path output = Path.of(args[1]);
        Set<String> unused = args.length > 2 && !args[2].isBlank() ? Set.of(args[2].split(",")) : Set.of();

        String found = run("jdeps", "--multi-release", String.valueOf(Runtime.version().feature()),
                "--ignore-missing-deps", "--print-module-deps", "-q", jar.toString()).strip();
        List<String> modules = Arrays.stream(found.split(",")).filter(m -> !unused.contains(m)).toList();

        deleteRecursively(output);
        run("jlink", "--add-modules", String.join(",", modules), "--strip-debug", "--no-header-files",
                "--no-man-pages", "--output", output.toString());
        long bytes;
        try (var files = Files.walk(output)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(JlinkRuntime::size).sum();
        }
        System.out.println("jlink: " + output + " (" + bytes / (1024 * 1024) + " MiB) with " + String.join(",", modules)
                + (unused.isEmpty() ? "" : "; jdeps also named " + unused.stream().sorted().collect(Collectors.joining(","))
                + ", left out as never run"));
    }

    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is missing from " + System.getProperty("java.home")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed (exit " + code + "):\n" + out + err);
        }
        return out.toString();
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.delete(p);
            }
        }
    }
}
