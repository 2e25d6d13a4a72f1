# redrive completion for fish. Generated from the command model: do not edit; refresh with
# ./mvnw -q compile exec:java@completions (a test fails while this file is stale).
# Load it with `redrive completion fish | source` in ~/.config/fish/config.fish, or save it as ~/.config/fish/completions/redrive.fish.
# Queue names of the current profile and region, from the same redrive that is being completed, with
# the --profile, --region and --endpoint-url typed on this line. Errors print nothing.
function __redrive_queues
    set -l words (commandline -opc)
    set -l args
    for i in (seq 2 (count $words))
        switch $words[$i]
            case --profile --region --endpoint-url
                if test $i -lt (count $words)
                    set -a args $words[$i]=$words[(math $i + 1)]
                end
            case '--profile=*' '--region=*' '--endpoint-url=*'
                set -a args $words[$i]
        end
    end
    $words[1] __complete queues $args -- (commandline -ct) 2>/dev/null
end

# No file names: no argument of redrive is a file.
complete -c redrive -f

complete -c redrive -n __fish_use_subcommand -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n __fish_use_subcommand -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n __fish_use_subcommand -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n __fish_use_subcommand -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n __fish_use_subcommand -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n __fish_use_subcommand -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n __fish_use_subcommand -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n __fish_use_subcommand -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n __fish_use_subcommand -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n __fish_use_subcommand -s h -l help -d 'Show this help message and exit'
complete -c redrive -n __fish_use_subcommand -s V -l version -d 'Print version information and exit'
complete -c redrive -n __fish_use_subcommand -a start -d 'Start moving the messages of a dead-letter queue'
complete -c redrive -n __fish_use_subcommand -a inspect -d 'See what is in a dead-letter queue and why it failed, without consuming it'
complete -c redrive -n __fish_use_subcommand -a list -d 'List the move tasks of a DLQ, most recent first'
complete -c redrive -n __fish_use_subcommand -a cancel -d 'Cancel a running move task'
complete -c redrive -n __fish_use_subcommand -a watch -d 'Follow a move task until it ends; the exit code says how it ended'
complete -c redrive -n __fish_use_subcommand -a history -d 'Show the audit log: every start, cancel and inspect run from this state directory, who ran it, on what, with which counts, outcome and exit code'
complete -c redrive -n __fish_use_subcommand -a help -d 'Display help information about the specified command'
complete -c redrive -n __fish_use_subcommand -a completion -d 'Print the completion script for a shell'

# redrive start
complete -c redrive -n '__fish_seen_subcommand_from start' -l to -x -a '(__redrive_queues)' -d 'Move every message to this queue (name, URL or ARN) instead of its origin'
complete -c redrive -n '__fish_seen_subcommand_from start' -l rate -x -d 'Messages per second, 0.01 (one every 100 s) or more (a native task takes a whole number from 1 to 500)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l mode -x -a 'AUTO NATIVE CLIENT' -d 'auto (default): a native move task when it can serve the request, else client-side, saying why; native: never falls back; client: move in this process'
complete -c redrive -n '__fish_seen_subcommand_from start' -l concurrency -x -d 'Client-side workers: N, 1 to 128, fixed; or auto (the default): from 16 (4 with --rate), more while the throughput rises and calls stay fast, fewer on throttling or rising latency, 1 to 128'
complete -c redrive -n '__fish_seen_subcommand_from start' -l limit -x -d 'Stop after N messages moved (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l copy -d 'Send without deleting from the DLQ (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l dry-run -d 'Count what would move, per destination, with a few samples (ids, sizes, attributes); move nothing (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l show-bodies -d 'With --dry-run: show the sampled messages\' bodies too'
complete -c redrive -n '__fish_seen_subcommand_from start' -l filter -x -d 'Move only matching messages (client-side); repeat it to require several'
complete -c redrive -n '__fish_seen_subcommand_from start' -l ids-from -x -d 'Move only the messages whose MessageId is in FILE, one a line; - reads stdin (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l archive -x -d 'Also write every message moved to this file, one JSON line each, forced to disk before its delete from the DLQ: an audit trail, and what an import can send again (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l append -d 'Add to an export file or archive that exists (else it is refused)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l force -d 'Replace an export file or archive that exists'
complete -c redrive -n '__fish_seen_subcommand_from start' -l again -d 'Import a file whose import already COMPLETED once more: every message is sent again, each counted as a possible duplicate (without it, refused)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l resume -x -d 'Carry on a client-side task that did not finish (crashed, killed, cancelled): deletes what it sent instead of sending it again, then moves the rest with its recorded options (SOURCE, --to, --filter, --copy, --rate and --limit may only repeat them; not with --dry-run)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l watch -d 'Keep following a native task until it ends, as \'redrive watch\' does (a client-side run is always followed)'
complete -c redrive -n '__fish_seen_subcommand_from start' -s y -l yes -d 'Start without showing the plan and asking first'
complete -c redrive -n '__fish_seen_subcommand_from start' -l interval -x -d 'Time between polls (default: 2s). e.g. 500ms, 5s, 1m'
complete -c redrive -n '__fish_seen_subcommand_from start' -l timeout -x -d 'Give up watching after this long, with exit code 6; the task itself goes on. e.g. 30m, 2h'
complete -c redrive -n '__fish_seen_subcommand_from start' -l max-returned -x -d 'Stop when more of the moved messages came back to the DLQ than this (their consumer still fails them) and end FAILED (exit 4)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l canary -x -d 'Move N messages first, wait (--canary-wait) watching the DLQ for their return, and go on only if none came back (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l canary-wait -x -d 'How long the canary waits (default: 60s)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l max-backlog -x -d 'Pause sending to a destination while it holds N or more visible messages (client-side)'
complete -c redrive -n '__fish_seen_subcommand_from start' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from start' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from start' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from start' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from start' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from start' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from start' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from start' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from start' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from start' -a '(__redrive_queues)'

# redrive inspect
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l group-by -x -d 'Group by KEY; repeat it to group by several'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l groups -x -d 'Show the N largest groups, the rest as one \'other\' row (default 10, at most 1000)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l max -x -d 'Stop after N messages seen (default: the whole DLQ)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l show-bodies -d 'Show each group\'s sample body (cut at 4 KiB), not only its shape'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l allow-receive-count -d 'Scan a DLQ that has a RedrivePolicy of its own, although each receive raises a message\'s receive count, and one past that policy\'s maxReceiveCount moves to its DLQ'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from inspect' -a '(__redrive_queues)'

# redrive list
complete -c redrive -n '__fish_seen_subcommand_from list' -l max -x -d 'With SOURCE: how many tasks, native and client-side together, 1 to 10 (default: 10; SQS keeps the last 10)'
complete -c redrive -n '__fish_seen_subcommand_from list' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from list' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from list' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from list' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from list' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from list' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from list' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from list' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from list' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from list' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from list' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from list' -a '(__redrive_queues)'

# redrive cancel
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l source -x -a '(__redrive_queues)' -d 'Cancel the running task of this DLQ'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from cancel' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'

# redrive watch
complete -c redrive -n '__fish_seen_subcommand_from watch' -l interval -x -d 'Time between polls (default: 2s). e.g. 500ms, 5s, 1m'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l timeout -x -d 'Give up watching after this long, with exit code 6; the task itself goes on. e.g. 30m, 2h'
complete -c redrive -n '__fish_seen_subcommand_from watch' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from watch' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from watch' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from watch' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from watch' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from watch' -a '(__redrive_queues)'

# redrive history
complete -c redrive -n '__fish_seen_subcommand_from history' -l max -x -d 'The N most recent entries at most (default: 20)'
complete -c redrive -n '__fish_seen_subcommand_from history' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from history' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from history' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from history' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from history' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from history' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from history' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from history' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from history' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from history' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from history' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from history' -a '(__redrive_queues)'

# redrive help
complete -c redrive -n '__fish_seen_subcommand_from help' -s h -l help -d 'Show usage help for the help command and exit'
complete -c redrive -n '__fish_seen_subcommand_from help' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from help' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from help' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from help' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from help' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from help' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from help' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from help' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from help' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from help' -a 'start inspect list cancel watch history help completion'

# redrive completion
complete -c redrive -n '__fish_seen_subcommand_from completion' -s h -l help -d 'Show this help message and exit'
complete -c redrive -n '__fish_seen_subcommand_from completion' -s V -l version -d 'Print version information and exit'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l profile -x -d 'Named profile from ~/.aws/config (default: $AWS_PROFILE, else \'default\')'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l region -x -d 'AWS region (default: $AWS_REGION, $AWS_DEFAULT_REGION, the profile\'s region, or the region of a queue given as an ARN)'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l endpoint-url -x -d 'Send requests to this SQS endpoint instead of AWS\'s (default: $AWS_ENDPOINT_URL_SQS, then $AWS_ENDPOINT_URL)'
complete -c redrive -n '__fish_seen_subcommand_from completion' -s o -l output -x -a 'text json' -d 'Result format: text, json (default: text). json is stable for scripts; watch prints one JSON object per line'
complete -c redrive -n '__fish_seen_subcommand_from completion' -s v -l verbose -d 'Say more on stderr: resolved queues, region, endpoint, each call\'s decision'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l debug -d 'Stack traces and the SDK\'s request log on stderr'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l no-color -d 'No colour, even on a terminal (NO_COLOR=1 does the same)'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l cli-read-timeout -x -d 'Longest wait for one SQS answer before retrying; a call gives up, retries included, after twice this (default: 30)'
complete -c redrive -n '__fish_seen_subcommand_from completion' -l cli-connect-timeout -x -d 'Longest wait to connect to SQS (default: 10)'
complete -c redrive -n '__fish_seen_subcommand_from completion' -a 'bash zsh fish'
