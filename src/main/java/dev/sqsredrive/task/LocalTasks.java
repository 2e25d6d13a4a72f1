package dev.sqsredrive.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tasks recorded in the state directory, one small JSON file each, written atomically so that a reader in
 * another shell never sees half a file. Native tasks are recorded when started here (their handle alone
 * may not say which queue they belong to); client-side tasks are recorded and updated by their mover.
 */
public final class LocalTasks {

    private final Path dir;

    public LocalTasks(Path stateDir) {
        this.dir = stateDir.resolve("tasks");
    }

    public Path directory() {
        return dir;
    }

    public void save(LocalTask local) {
        ObjectNode node = TaskCodec.toJson(local.task());
        node.put("cancelRequested", local.cancelRequested());
        node.put("pid", local.pid());
        node.put("updatedAt", local.updatedAt() == null ? null : local.updatedAt().toEpochMilli());
        try {
            Files.createDirectories(dir);
            Path target = fileOf(local.task().taskHandle());
            Path tmp = Files.createTempFile(dir, ".task", ".tmp");
            Files.writeString(tmp, TaskCodec.JSON.writeValueAsString(node), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write task record in " + dir + ": " + e.getMessage(), e);
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
            files.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .forEach(p -> read(p).ifPresent(tasks::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read task records in " + dir + ": " + e.getMessage(), e);
        }
        tasks.sort(Comparator.comparing((LocalTask t) -> t.task().startedAt(),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return tasks;
    }

    /** Marks a recorded task as asked to cancel; its mover sees the mark and stops. */
    public Optional<LocalTask> requestCancel(String handle, Instant now) {
        Optional<LocalTask> found = find(handle).map(t -> t.withCancelRequested(now));
        found.ifPresent(this::save);
        return found;
    }

    private Optional<LocalTask> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = TaskCodec.JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
            return Optional.of(new LocalTask(TaskCodec.fromJson(n), n.path("cancelRequested").asBoolean(false),
                    n.path("pid").isNumber() ? n.get("pid").asLong() : null,
                    n.path("updatedAt").isNumber() ? Instant.ofEpochMilli(n.get("updatedAt").asLong()) : null));
        } catch (IOException | RuntimeException unreadable) {
            // A record from a crashed writer or a newer version must not break list for everything else.
            return Optional.empty();
        }
    }

    private Path fileOf(String handle) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(handle.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(HexFormat.of().formatHex(digest, 0, 16) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
