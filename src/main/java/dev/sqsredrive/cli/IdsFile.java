package dev.sqsredrive.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.sqsredrive.aws.RedriveException;

/**
 * --ids-from FILE: one MessageId a line (blank lines and surrounding spaces ignored), or {@code -} for stdin, so
 * that {@code redrive inspect -o json | jq ... | redrive start ... --ids-from -} works. Read before anything is
 * received: a file that is missing, unreadable or holds no id is bad input.
 */
final class IdsFile {

    private IdsFile() {
    }

    /** The ids as id: filters, which select any of them ({@code MessageFilter.parseAll}). */
    static List<String> filters(String file, BufferedReader stdin) {
        List<String> out = new ArrayList<>();
        for (String id : read(file, stdin)) {
            out.add("id:" + id);
        }
        if (out.isEmpty()) {
            throw RedriveException.usage("--ids-from " + file + " holds no MessageId: nothing would be selected");
        }
        return out;
    }

    private static List<String> read(String file, BufferedReader stdin) {
        try {
            if (file.equals("-")) {
                return ids(stdin);
            }
            try (BufferedReader r = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                return ids(r);
            }
        } catch (NoSuchFileException e) {
            throw RedriveException.usage("--ids-from " + file + ": no such file");
        } catch (InvalidPathException | IOException e) {
            throw RedriveException.usage("--ids-from " + file + " cannot be read: " + reason(e));
        }
    }

    private static List<String> ids(BufferedReader r) throws IOException {
        List<String> ids = new ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            String id = line.strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static String reason(Exception e) {
        String m = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e instanceof java.nio.charset.CharacterCodingException ? "not UTF-8 text" : e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
