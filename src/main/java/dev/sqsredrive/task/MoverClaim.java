package dev.sqsredrive.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sqsredrive.files.PrivateFiles;

/**
 * A mover's claim on a DLQ: {@code claims/<hash of the DLQ's ARN>.claim}, holding the claiming process,
 * its task handle and when it claimed. The file is created only if it does not exist (a hard link to a
 * finished temporary file, so nobody ever reads half a claim), which is what makes "one mover per DLQ"
 * hold when two movers start at the same moment: the file system lets exactly one create it.
 * The mechanics only; {@link MoverExclusion} decides what a claim means.
 */
public final class MoverClaim implements AutoCloseable {

    static final String FOLDER = "claims"; // probed by StateDir.requireUsable

    /**
     * Who holds a claim; a null handle is a native task being started.
     *
     * @param start the holder's start stamp ({@link MoverProcess}), or null (a claim written before stamps)
     */
    record Holder(long pid, String start, String handle, Instant claimedAt) {

        Holder(long pid, String handle, Instant claimedAt) {
            this(pid, null, handle, claimedAt);
        }

        boolean known() {
            return pid >= 0;
        }
    }

    /** A claim whose content cannot be read (still being written, or garbled). */
    static final Holder UNKNOWN = new Holder(-1, null, null);

    /** Two claimants that each find the other's claim gone give up after this many rounds. */
    private static final int ATTEMPTS = 5;
    /** A claim with no readable content (a file system without hard links) is being written for this long. */
    private static final Duration BEING_WRITTEN = Duration.ofSeconds(10);

    private final Path file;
    private final byte[] content;

    private MoverClaim(Path file, byte[] content) {
        this.file = file;
        this.content = content;
    }

    /**
     * Takes the claim on a DLQ, or says who holds it. A stale claim (its process or task ended, as the caller judges) is taken over: it is
     * renamed away (a rename succeeds for one claimant only) and deleted if what was renamed is still the
     * stale claim; a fresh claim renamed by mistake is put back. Then the claim is created as for a free DLQ.
     */
    static Result take(Path stateDir, String sourceArn, Holder me, Predicate<Holder> stale) {
        Path file = fileOf(stateDir, sourceArn);
        byte[] mine = encode(sourceArn, me);
        Holder staleTaken = null;
        try {
            PrivateFiles.createDirectories(file.getParent());
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                if (create(file, mine)) {
                    return new Result(new MoverClaim(file, mine), null, staleTaken);
                }
                byte[] found = readIfPresent(file);
                if (found == null) {
                    continue; // released meanwhile
                }
                Optional<Holder> holder = decode(found);
                // me.claimedAt(): now, on the run's injected clock
                if (holder.isPresent() ? !stale.test(holder.get()) : !oldEnough(file, me.claimedAt())) {
                    return new Result(null, holder.orElse(UNKNOWN), null);
                }
                takeOver(file, found);
                staleTaken = holder.orElse(UNKNOWN);
            }
        } catch (IOException e) {
            throw StateDir.unusable(stateDir, e);
        }
        return new Result(null, UNKNOWN, null);
    }

    /**
     * @param claim  the claim taken, or null
     * @param holder who holds the DLQ when the claim was not taken
     * @param staleTaken the stale claim taken over on the way, or null
     */
    record Result(MoverClaim claim, Holder holder, Holder staleTaken) {

    }

    /** The claim in place on a DLQ, if any (read, not judged). */
    static Optional<Holder> holder(Path stateDir, String sourceArn) {
        try {
            byte[] found = readIfPresent(fileOf(stateDir, sourceArn));
            return found == null ? Optional.empty() : decode(found);
        } catch (IOException e) {
            throw StateDir.unusable(stateDir, e);
        }
    }

    /** Releases the claim, if it is still this one (a claim judged stale may have been taken over). */
    @Override
    public void close() {
        try {
            byte[] found = readIfPresent(file);
            if (found != null && Arrays.equals(found, content)) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // Left in place, the claim names a process that is about to end: the next mover takes it over.
        }
    }

    private static boolean create(Path file, byte[] content) throws IOException {
        Path tmp = Files.write(Files.createTempFile(file.getParent(), ".claim", ".tmp", PrivateFiles.fileAttributes()),
                content);
        try {
            Files.createLink(file, tmp);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            // Still exclusive, but a reader may see the file before its content: see BEING_WRITTEN.
            try {
                Files.write(Files.createFile(file, PrivateFiles.fileAttributes()), content, StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void takeOver(Path file, byte[] stale) throws IOException {
        Path grave = file.resolveSibling(file.getFileName() + ".stale-" + UUID.randomUUID());
        try {
            Files.move(file, grave, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException gone) {
            return; // another claimant took it over first
        }
        if (!Arrays.equals(Files.readAllBytes(grave), stale)) {
            // A fresh claim made since it was read: give it back to its owner.
            try {
                Files.createLink(file, grave);
            } catch (FileAlreadyExistsException again) {
                // Yet another claim since: the file system allowed one, keep that.
            } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
                Files.move(grave, file);
            }
        }
        Files.deleteIfExists(grave);
    }

    private static boolean oldEnough(Path file, Instant now) throws IOException {
        try {
            return Files.getLastModifiedTime(file).toInstant().plus(BEING_WRITTEN).isBefore(now);
        } catch (NoSuchFileException gone) {
            return true;
        }
    }

    private static byte[] readIfPresent(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    private static byte[] encode(String sourceArn, Holder h) {
        ObjectNode n = TaskCodec.JSON.createObjectNode();
        n.put("pid", h.pid());
        n.put("pidStart", h.start());
        n.put("taskHandle", h.handle());
        n.put("claimedAt", h.claimedAt().toEpochMilli());
        n.put("sourceArn", sourceArn);
        n.put("nonce", UUID.randomUUID().toString()); // two claims are never byte for byte the same
        return n.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<Holder> decode(byte[] content) {
        try {
            JsonNode n = TaskCodec.JSON.readTree(content);
            if (!n.path("pid").isNumber() || !n.path("claimedAt").isNumber()) {
                return Optional.empty();
            }
            JsonNode handle = n.get("taskHandle");
            JsonNode start = n.get("pidStart");
            return Optional.of(new Holder(n.get("pid").asLong(), start != null && start.isTextual() ? start.asText()
                    : null, handle == null || handle.isNull() ? null
                    : handle.asText(), Instant.ofEpochMilli(n.get("claimedAt").asLong())));
        } catch (IOException | RuntimeException garbled) {
            return Optional.empty();
        }
    }

    /** Where the claim on a DLQ lives. */
    public static Path fileOf(Path stateDir, String sourceArn) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sourceArn.getBytes(StandardCharsets.UTF_8));
            return stateDir.resolve(FOLDER).resolve(HexFormat.of().formatHex(d, 0, 16) + ".claim");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
