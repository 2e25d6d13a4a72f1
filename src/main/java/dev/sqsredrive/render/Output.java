package dev.sqsredrive.render;

import java.io.PrintWriter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where a command's words go: results on stdout (text or JSON), everything else on stderr, colour only
 * when {@link Style} allows it. Commands print through this and nothing else, so tests see all of it.
 */
public final class Output {

    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;
    private final boolean verbose;
    private final Style style;

    public Output(PrintWriter out, PrintWriter err, boolean json, boolean verbose, Style style) {
        this.out = out;
        this.err = err;
        this.json = json;
        this.verbose = verbose;
        this.style = style;
    }

    /** This output with its results on stderr too: for a run whose stdout carries data (an export to file:-). */
    public Output resultsOnStderr() {
        return new Output(err, err, json, verbose, style);
    }

    public boolean json() {
        return json;
    }

    public Style style() {
        return style;
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    /** A result line on stdout. */
    public void result(String line) {
        out.println(line);
        out.flush();
    }

    /**
     * One JSON object on one line of stdout. Every -o json result is printed this way (a list as one object
     * per line, NDJSON), so that scripts can pipe any command's output through a line-by-line reader.
     */
    public void resultJsonLine(JsonNode node) {
        out.println(write(node));
        out.flush();
    }

    /** A note for the person at the terminal: stderr, never mixed into results. */
    public void note(String line) {
        err.println(line);
        err.flush();
    }

    /** A note shown only with --verbose. */
    public void verbose(String line) {
        if (verbose) {
            note(style.dim(line));
        }
    }

    public void warn(String line) {
        note(style.yellow("warning: ") + line);
    }

    private static String write(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
