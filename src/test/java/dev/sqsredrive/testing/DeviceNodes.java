package dev.sqsredrive.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Device nodes and named pipes made with mknod in a test's own folder, never a system device: what an export
 * must refuse to write or replace. Needs root (as on this project's CI machine); the test is skipped elsewhere.
 */
public final class DeviceNodes {

    private DeviceNodes() {
    }

    /** @param type mknod's: "c", "1", "7" for a character device like /dev/full; "p" for a named pipe */
    public static Path make(Path node, String... type) {
        List<String> command = new ArrayList<>(List.of("mknod", node.toString()));
        command.addAll(List.of(type));
        RunResult r = Processes.run(node.getParent(), Map.of(), command);
        assumeTrue(r.exitCode() == 0, "mknod is not allowed here: " + r);
        return node;
    }
}
