package dev.sqsredrive.cli.gen;

import java.util.List;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash (and zsh, through bashcompinit) completion script: picocli's AutoComplete, plus queue-name
 * completion for queue arguments, which calls {@code redrive __complete queues PREFIX} while completing.
 */
final class BashCompletion {

    private static final String QUEUE_FUNCTIONS = """

            # Queue names of the current profile and region that start with $1, from the same redrive that is
            # being completed. --profile, --region and --endpoint-url typed on this line are passed on, so the
            # names come from where the command will run. Errors print nothing (see `redrive __complete`).
            function _redrive_queue_names() {
              local words=() args=() i
              # The line split at blanks only: COMP_WORDS would split an endpoint URL at its colons.
              read -ra words <<< "${COMP_LINE:0:COMP_POINT}"
              for (( i=1; i < ${#words[@]}; i++ )); do
                case "${words[i]}" in
                  --profile|--region|--endpoint-url) args+=("${words[i]}=${words[i+1]}"); i=$((i+1)) ;;
                  --profile=*|--region=*|--endpoint-url=*) args+=("${words[i]}") ;;
                esac
              done
              "${COMP_WORDS[0]}" __complete queues "${args[@]}" -- "$1" 2>/dev/null
            }

            # Index of the positional parameter under the cursor, counted after the command named $1, from the line
            # split at blanks (not at COMP_WORDBREAKS, which splits --endpoint-url=http://... in five): words that
            # are neither options nor the value of an option in $2 (arg_opts). picocli's own currentPositionalIndex
            # counts --option=value as a positional.
            function _redrive_positional_index() {
              local words=() i count=0 seen=""
              read -ra words <<< "${COMP_LINE:0:COMP_POINT}"
              [[ "${COMP_LINE:0:COMP_POINT}" =~ [[:space:]]$ ]] && words+=("")
              for (( i=1; i < ${#words[@]} - 1; i++ )); do
                if [ -z "$seen" ]; then [ "${words[i]}" = "$1" ] && seen=1; continue; fi
                case "${words[i]}" in
                  -*=*) ;;
                  -*) [[ " $2 " == *" '${words[i]}' "* ]] && i=$((i+1)) ;;
                  *) count=$((count+1)) ;;
                esac
              done
              echo "$count"
            }

            # COMPREPLY for an option whose value is a queue.
            function _redrive_complete_queues() {
              local IFS=$'\\n'
              local curr_word=${COMP_WORDS[COMP_CWORD]}
              COMPREPLY=( $(compgen -W "$(_redrive_queue_names "${curr_word}")" -- "${curr_word}") )
            }

            """;

    private static final String POSITIONALS = "    local positionals=\"\"\n";

    private BashCompletion() {
    }

    static String script(String header, CommandLine root) {
        String script = withoutInstallNotes(AutoComplete.bash(root.getCommandName(), root));
        int end = script.lastIndexOf("\n# Define a completion specification");
        require(end > 0, "the closing 'complete -F' block");
        StringBuilder out = new StringBuilder(header).append(script, 0, end).append(QUEUE_FUNCTIONS);
        String tail = script.substring(end + 1);
        String body = out.toString();
        for (CommandLine cmd : commands(root)) {
            body = hookQueues(body, cmd.getCommandSpec());
        }
        return body + tail;
    }

    /** picocli's own install notes speak of *_completion files this project does not ship; the header says how. */
    private static String withoutInstallNotes(String script) {
        int from = script.indexOf("# Installation\n");
        int to = script.indexOf("# Documentation\n");
        require(from > 0 && to > from, "its Installation notes");
        return script.substring(0, from) + script.substring(to);
    }

    private static List<CommandLine> commands(CommandLine root) {
        List<CommandLine> all = new java.util.ArrayList<>(List.of(root));
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                all.addAll(commands(sub));
            }
        }
        return all;
    }

    /** Adds queue completion to the function picocli wrote for this command. */
    private static String hookQueues(String script, CommandSpec spec) {
        String function = "function " + functionName(spec) + "() {\n";
        int start = script.indexOf(function);
        require(start >= 0, function.strip());
        int end = script.indexOf("\n}\n", start);
        String body = script.substring(start, end);
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && QueueArgs.takesQueue(option)) {
                String label = "    " + caseLabel(option) + ")\n      return\n";
                require(body.contains(label), label.strip() + " in " + functionName(spec));
                body = body.replace(label, "    " + caseLabel(option) + ")\n      _redrive_complete_queues\n      return\n");
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden() && QueueArgs.takesQueue(positional)) {
                require(body.contains(POSITIONALS), "local positionals in " + functionName(spec));
                body = body.replace(POSITIONALS, POSITIONALS + "    if (( $(_redrive_positional_index \"" + spec.name()
                        + "\" \"${arg_opts}\") == " + positional.index().min()
                        + " )); then positionals=$(_redrive_queue_names \"${curr_word}\"); fi\n");
            }
        }
        return script.substring(0, start) + body + script.substring(end);
    }

    private static String functionName(CommandSpec spec) {
        return "_picocli_" + spec.qualifiedName("_").replace('-', '_');
    }

    private static String caseLabel(OptionSpec option) {
        StringBuilder label = new StringBuilder();
        for (String name : option.names()) {
            label.append(label.isEmpty() ? "" : "|").append('\'').append(name).append('\'');
        }
        return label.toString();
    }

    private static void require(boolean found, String what) {
        if (!found) {
            throw new IllegalStateException("picocli's bash completion no longer has " + what
                    + ": update BashCompletion to the new template");
        }
    }
}
