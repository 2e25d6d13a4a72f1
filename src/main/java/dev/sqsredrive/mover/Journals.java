package dev.sqsredrive.mover;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.sqsredrive.aws.QueueArns;

/**
 * The journals in the state directory: {@code journals/<source key>/<task handle>.log}, grouped by DLQ so
 * that a new run on the same DLQ finds what earlier, unfinished runs sent but did not delete.
 */
public final class Journals {

    private final Path root;

    public Journals(Path stateDir) {
        this.root = stateDir.resolve("journals");
    }

    public Path root() {
        return root;
    }

    public Path fileOf(String sourceArn, String handle) {
        return dirOf(sourceArn).resolve(handle + ".log");
    }

    /** The header line (the task's options) of a task's journal, if there is one. */
    public Optional<String> header(String sourceArn, String handle) {
        Path file = fileOf(sourceArn, handle);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst();
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The journals of a DLQ whose task handle passes the test. */
    public List<Path> files(String sourceArn, Predicate<String> handleTest) {
        Path dir = dirOf(sourceArn);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log"))
                    .filter(p -> handleTest.test(handleOf(p)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journals in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** MessageIds sent but not known to be deleted, across the given journals. */
    public static Set<String> pending(List<Path> journals) {
        Entries e = read(journals);
        e.sent.removeAll(e.deleted);
        return e.sent;
    }

    /**
     * MessageIds with a send attempt whose outcome was never recorded (the process died mid-send, or an answer
     * was lost), neither confirmed nor deleted since: they may be at the destination already.
     */
    public static Set<String> maybeSent(List<Path> journals) {
        Entries e = read(journals);
        e.maybeSent.removeAll(e.sent);
        e.maybeSent.removeAll(e.deleted);
        return e.maybeSent;
    }

    private record Entries(Set<String> maybeSent, Set<String> sent, Set<String> deleted) {
    }

    private static Entries read(List<Path> journals) {
        Entries e = new Entries(new HashSet<>(), new HashSet<>(), new HashSet<>());
        for (Path p : journals) {
            // An attempt is open from its A until an S or N of the same journal closes it; one still open at
            // the next A of that message, or at the journal's end, got no recorded outcome.
            Set<String> open = new HashSet<>();
            String text;
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read journal " + p + ": " + ex.getMessage(), ex);
            }
            int start = text.indexOf('\n') + 1; // after the header
            while (start > 0 && start < text.length()) {
                int end = text.indexOf('\n', start);
                if (end < 0) {
                    break; // a line cut short by a crash: its batch never finished being recorded
                }
                if (end - start > 2 && text.charAt(start + 1) == ' ') {
                    String id = text.substring(start + 2, end);
                    switch (text.charAt(start)) {
                        case Journal.ATTEMPTED -> {
                            if (!open.add(id)) {
                                e.maybeSent.add(id);
                            }
                        }
                        case Journal.NOT_SENT -> open.remove(id);
                        case Journal.SENT -> {
                            open.remove(id);
                            e.sent.add(id);
                        }
                        case Journal.DELETED -> e.deleted.add(id);
                        default -> { } // a line of a newer version: not ours to interpret
                    }
                }
                start = end + 1;
            }
            e.maybeSent.addAll(open);
        }
        return e;
    }

    public static void deleteAll(List<Path> journals) {
        for (Path p : journals) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete journal " + p + ": " + e.getMessage(), e);
            }
        }
    }

    static String handleOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".log".length());
    }

    private Path dirOf(String sourceArn) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sourceArn.getBytes(StandardCharsets.UTF_8));
            String name = QueueArns.name(sourceArn).replaceAll("[^A-Za-z0-9_.-]", "_");
            return root.resolve(name + "-" + HexFormat.of().formatHex(d, 0, 6));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects every journal's path under the root, for tests and housekeeping. */
    public List<Path> allFiles() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> all = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> p.toString().endsWith(".log")).forEach(all::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read journals in " + root + ": " + e.getMessage(), e);
        }
        return all;
    }
}
