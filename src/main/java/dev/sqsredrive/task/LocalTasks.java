package dev.sqsredrive.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.files.PrivateFiles;

/**
 * Tasks recorded in the state directory, one small JSON file each, written atomically so that a reader in
 * another shell never sees half a file. Native tasks are recorded when started here (their handle alone
 * may not say which queue they belong to); client-side tasks are recorded and updated by their mover.
 * A cancel of a client-side task is a marker file of its own beside the record: only cancel writes it and
 * the mover only reads it, so the mover rewriting its record cannot overwrite a cancel that just landed.
 */
public final class LocalTasks {

    private static final String RECORD = ".json";
    private static final String CANCEL_MARKER = ".cancel";

    private final Path stateDir;
    private final Path dir;
    private final Consumer<String> warnings;
    private final Clock clock;
    /** Records already warned about, so a watch polling every second says it once. */
    private final Set<Path> warned = ConcurrentHashMap.newKeySet();

    /**
     * @param warnings where a record that cannot be read is reported (one line, once per file)
     * @param clock    what a record's last refresh is compared with ({@link ClientTaskLiveness})
     */
    public LocalTasks(Path stateDir, Consumer<String> warnings, Clock clock) {
        this.stateDir = stateDir;
        this.dir = stateDir.resolve("tasks");
        this.warnings = warnings;
        this.clock = clock;
    }

    /** A recorded task as it is now: a client-side one whose mover no longer runs is FAILED. */
    public MoveTask live(LocalTask record) {
        return ClientTaskLiveness.check(record, clock.instant());
    }

    /** Whether a recorded client-side task's mover is still at work (running, or stopping after a cancel). */
    public boolean moving(LocalTask record) {
        return ClientTaskLiveness.moving(record, clock.instant());
    }

    public Path stateDir() {
        return stateDir;
    }

    public Path directory() {
        return dir;
    }

    public void save(LocalTask local) {
        ObjectNode node = TaskCodec.toJson(local.task());
        node.put("cancelRequested", local.cancelRequested());
        node.put("pid", local.pid());
        node.put("pidStart", local.pidStart());
        node.put("updatedAt", local.updatedAt() == null ? null : local.updatedAt().toEpochMilli());
        try {
            write(fileOf(local.task().taskHandle()), TaskCodec.JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw StateDir.unusable(stateDir, e);
        }
    }

    private void write(Path target, String content) throws IOException {
        PrivateFiles.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".task", ".tmp", PrivateFiles.fileAttributes());
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Optional<LocalTask> find(String handle) {
        return read(fileOf(handle));
    }

    /** Every recorded task, the most recently started first. */
    public List<LocalTask> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<LocalTask> tasks = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(RECORD))
                    .forEach(p -> read(p).ifPresent(tasks::add));
        } catch (IOException e) {
            throw StateDir.unusable(stateDir, e);
        }
        tasks.sort(Comparator.comparing((LocalTask t) -> t.task().startedAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return tasks;
    }

    /**
     * Marks a recorded task as asked to cancel, in the task's cancel marker (never in its record, which its
     * mover rewrites from its own memory); the mover sees the mark and stops.
     */
    public Optional<LocalTask> requestCancel(String handle, Instant now) {
        Optional<LocalTask> found = find(handle);
        if (found.isPresent()) {
            try {
                write(markerOf(handle), Long.toString(now.toEpochMilli()));
            } catch (IOException e) {
                throw StateDir.unusable(stateDir, e);
            }
        }
        return found.map(t -> t.withCancelRequested(now));
    }

    /** Removes a task's cancel marker: its mover ended (the record keeps the cancel), or a resume starts anew. */
    public void clearCancel(String handle) {
        try {
            Files.deleteIfExists(markerOf(handle));
        } catch (IOException e) {
            throw StateDir.unusable(stateDir, e);
        }
    }

    private Optional<LocalTask> read(Path file) {
        if (!Files.isRegularFile(file)) {
            if (Files.exists(file)) {
                skip(file, "not a regular file");
            }
            return Optional.empty();
        }
        try {
            JsonNode n = TaskCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            boolean cancel = n.path("cancelRequested").asBoolean(false) || Files.exists(markerOf(file));
            return Optional.of(new LocalTask(TaskCodec.fromJson(n), cancel,
                    n.path("pid").isNumber() ? n.get("pid").asLong() : null,
                    n.path("pidStart").isTextual() ? n.get("pidStart").asText() : null,
                    n.path("updatedAt").isNumber() ? Instant.ofEpochMilli(n.get("updatedAt").asLong()) : null));
        } catch (IOException | RuntimeException unreadable) {
            // A garbled record, or one of a newer version, must not break list or watch for everything else;
            // it is left in place (it holds no messages) for a person to look at.
            skip(file, unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage());
            return Optional.empty();
        }
    }

    private void skip(Path file, String why) {
        if (warned.add(file)) {
            warnings.accept("skipping the task record " + file + ", which cannot be read ("
                    + why.lines().findFirst().orElse("") + ")");
        }
    }

    private Path fileOf(String handle) {
        return dir.resolve(key(handle) + RECORD);
    }

    private Path markerOf(String handle) {
        return dir.resolve(key(handle) + CANCEL_MARKER);
    }

    private static Path markerOf(Path record) {
        String name = record.getFileName().toString();
        return record.resolveSibling(name.substring(0, name.length() - RECORD.length()) + CANCEL_MARKER);
    }

    private static String key(String handle) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
