package dev.sqsredrive.cli.gen;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's footer as the model holds it: example command lines, and on the root command, after the word
 * "Environment:", the environment variables it reads. The man page and the option reference both show
 * the two apart.
 */
record Footer(List<String> examples, String environment) {

    private static final String ENVIRONMENT = "Environment:";

    static Footer of(CommandSpec spec) {
        List<String> lines = new ArrayList<>(List.of(spec.usageMessage().footer()));
        String environment = "";
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(ENVIRONMENT)) {
                List<String> names = lines.subList(i, lines.size());
                environment = String.join(" ", names).substring(ENVIRONMENT.length()).strip();
                names.clear();
                break;
            }
        }
        List<String> examples = new ArrayList<>();
        for (String line : lines) {
            examples.add(line.stripLeading());
        }
        while (!examples.isEmpty() && examples.get(examples.size() - 1).isBlank()) {
            examples.remove(examples.size() - 1);
        }
        return new Footer(List.copyOf(examples), environment);
    }
}
