package dev.sqsredrive.cli.gen;

import picocli.CommandLine;

/** The completion scripts of the command, one per shell, as `redrive completion` prints them and completions/ holds them. */
public final class CompletionScripts {

    /** The shells there is a script for. */
    public enum Shell {
        bash, zsh, fish;

        /** Its file under completions/. */
        public String fileName(String command) {
            return command + "." + name();
        }
    }

    private CompletionScripts() {
    }

    public static String script(Shell shell, CommandLine root) {
        String name = root.getCommandName();
        return switch (shell) {
            case bash -> BashCompletion.script(header("bash", name, "source <(" + name + " completion bash)",
                    "~/.bashrc, or copy it to /etc/bash_completion.d/" + name), root);
            case zsh -> BashCompletion.script(header("zsh (through bashcompinit)", name,
                    "source <(" + name + " completion zsh)", "~/.zshrc"), root);
            case fish -> FishCompletion.script(header("fish", name, name + " completion fish | source",
                    "~/.config/fish/config.fish, or save it as ~/.config/fish/completions/" + name + ".fish"), root);
        };
    }

    private static String header(String shell, String name, String load, String where) {
        return "# " + name + " completion for " + shell + ". Generated from the command model: do not edit; refresh with\n"
                + "# ./mvnw -q compile exec:java@completions (a test fails while this file is stale).\n"
                + "# Load it with `" + load + "` in " + where + ".\n";
    }
}
