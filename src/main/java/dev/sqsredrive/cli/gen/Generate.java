package dev.sqsredrive.cli.gen;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.sqsredrive.cli.Cli;
import dev.sqsredrive.cli.Context;
import picocli.CommandLine;

/**
 * Build-time generator of the files made from the command model: {@code completions DIR} writes the three
 * completion scripts, {@code reference FILE} the option reference (docs/REFERENCE.md), {@code man DIR VERSION}
 * redrive.1. Maven runs it (see pom.xml: one run refreshes every committed file); tests call {@link #model()}
 * to check the committed files are current.
 */
public final class Generate {

    private static final String USAGE = "usage: Generate [completions DIR] [reference FILE] [man DIR VERSION]...";

    private Generate() {
    }

    /** One or more targets in a row, e.g. {@code completions completions reference docs/REFERENCE.md}. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException(USAGE);
        }
        CommandLine model = model();
        int i = 0;
        while (i < args.length) {
            String target = args[i];
            require(i + 1 < args.length, target);
            Path path = Path.of(args[i + 1]);
            switch (target) {
                case "completions" -> {
                    for (CompletionScripts.Shell shell : CompletionScripts.Shell.values()) {
                        write(path.resolve(shell.fileName(model.getCommandName())), CompletionScripts.script(shell, model));
                    }
                    i += 2;
                }
                case "reference" -> {
                    write(path, OptionReference.of(model));
                    i += 2;
                }
                case "man" -> {
                    require(i + 2 < args.length, target);
                    write(path.resolve(model.getCommandName() + ".1"), ManPage.of(model, args[i + 2]));
                    i += 3;
                }
                default -> throw new IllegalArgumentException("unknown target " + target + "; " + USAGE);
            }
        }
    }

    /** The command line as users get it, without a terminal (so no colour codes in what is generated). */
    public static CommandLine model() {
        Context context = Context.ofSystem(Map.of(), false, new BufferedReader(new StringReader("")));
        return Cli.create(context, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    }

    private static void require(boolean given, String target) {
        if (!given) {
            throw new IllegalArgumentException("missing arguments of " + target + "; " + USAGE);
        }
    }

    private static void write(Path file, String text) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
