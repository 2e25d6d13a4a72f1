package dev.sqsredrive.cli.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import dev.sqsredrive.cli.Cli;
import dev.sqsredrive.cli.Context;
import dev.sqsredrive.task.Sleeper;
import picocli.CommandLine;

/**
 * Build-time generator of the files made from the command model: {@code completions DIR} writes the three
 * completion scripts, {@code man DIR VERSION} writes redrive.1. Maven runs it (see pom.xml); tests call
 * {@link #model()} to check the committed scripts are current.
 */
public final class Generate {

    private Generate() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: Generate completions DIR | man DIR VERSION");
        }
        Path dir = Path.of(args[1]);
        Files.createDirectories(dir);
        CommandLine model = model();
        switch (args[0]) {
            case "completions" -> {
                for (CompletionScripts.Shell shell : CompletionScripts.Shell.values()) {
                    write(dir.resolve(shell.fileName(model.getCommandName())), CompletionScripts.script(shell, model));
                }
            }
            case "man" -> write(dir.resolve(model.getCommandName() + ".1"), ManPage.of(model, args[2]));
            default -> throw new IllegalArgumentException("unknown target " + args[0]);
        }
    }

    /** The command line as users get it, without a terminal (so no colour codes in what is generated). */
    public static CommandLine model() {
        Context context = new Context(Map.of(), Clock.systemUTC(), Sleeper.real(), false,
                new BufferedReader(new StringReader("")));
        return Cli.create(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
