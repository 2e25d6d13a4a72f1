package dev.sqsredrive.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import dev.sqsredrive.render.Output;

/**
 * Asks the person at the terminal before anything moves. Never asks when there is no terminal (a script
 * cannot answer, and must not hang on stdin) or when --yes was given. Plan and question go to stderr:
 * they are not results.
 */
final class Confirmation {

    private Confirmation() {
    }

    /**
     * True to go ahead. A declined or unanswered (end of input) question is a no. Ctrl-C at the question
     * ends the command at once: "Nothing started", and the JVM exits 130.
     */
    static boolean confirmed(Context context, Output out, List<String> plan, boolean yes) {
        if (yes || !context.terminal()) {
            return true;
        }
        plan.forEach(out::note);
        out.err().print("Start it? [y/N] ");
        out.err().flush();
        String answer;
        try (InterruptHook.Question question = InterruptHook.asking(() -> {
            out.note("");
            out.note("Nothing started.");
        })) {
            answer = context.stdin().readLine();
        } catch (IOException e) {
            // stdin gone while the question waits (its terminal closed): no answer, so nothing starts, as at
            // end of input; before, this ended as an unexpected error (exit 1).
            answer = null;
        }
        String a = answer == null ? "" : answer.strip().toLowerCase(Locale.ROOT);
        if (a.equals("y") || a.equals("yes")) {
            return true;
        }
        if (answer == null) {
            out.note("");
        }
        out.note("Nothing started (pass --yes to start without asking).");
        return false;
    }
}
