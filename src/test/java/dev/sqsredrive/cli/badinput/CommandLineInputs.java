package dev.sqsredrive.cli.badinput;

import static dev.sqsredrive.cli.badinput.BadInput.refused;

import java.util.List;

/** Bad queue references, numbers, options and queue pairings: refused before anything moves. */
final class CommandLineInputs {

    private CommandLineInputs() {
    }

    static final String ACCOUNT_URL = "https://sqs.us-east-1.amazonaws.com/123456789012/";

    static List<BadInput> all() {
        return List.of(
                // queue names, URLs, ARNs
                refused("an empty queue name", 2, "empty queue", f -> () -> f.run("start", "")),
                refused("a name with a slash", 2, "bad queue name", f -> () -> f.run("start", "orders/dlq")),
                refused("an 81-character name", 2, "1 to 80", f -> () -> f.run("start", "a".repeat(81))),
                refused("a name with terminal escapes, echoed escaped", 2, "'\\x1b[31mRED\\x1b[0m'",
                        f -> () -> f.run("start", "\u001b[31mRED\u001b[0m")),
                refused("a unicode name", 2, "bad queue name", f -> () -> f.run("list", "bestellungen-dlq-ü")),
                refused("an ARN of another service", 2, "not an SQS queue ARN",
                        f -> () -> f.run("list", "arn:aws:sns:us-east-1:123456789012:topic")),
                refused("an ARN of an unknown partition", 2, "partition",
                        f -> () -> f.run("list", "arn:aws-moon:sqs:us-east-1:123456789012:dlq")),
                refused("an ARN with a bad account", 2, "bad account id",
                        f -> () -> f.run("list", "arn:aws:sqs:us-east-1:12345:dlq")),
                refused("an ARN without a queue name", 2, "not an SQS queue ARN",
                        f -> () -> f.run("watch", "arn:aws:sqs:us-east-1:123456789012")),
                refused("a URL of another scheme", 2, "not a queue URL",
                        f -> () -> f.run("cancel", "--source", "ftp://sqs.us-east-1.amazonaws.com/123456789012/dlq")),
                refused("a URL without an account", 2, "/ACCOUNT/QUEUE",
                        f -> () -> f.run("start", "https://sqs.us-east-1.amazonaws.com/dlq")),
                refused("a destination URL with a path too many", 2, "/ACCOUNT/QUEUE",
                        f -> () -> f.run("start", f.dlq.name(), "--to", ACCOUNT_URL + "a/b")),
                refused("a missing source queue", 3, "does not exist",
                        f -> () -> f.run("start", f.dlq.name() + "-gone", "--yes")),
                refused("a missing destination queue", 3, "does not exist",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.target.name() + "-gone", "--yes")),
                refused("a missing queue by ARN", 3, "does not exist",
                        f -> () -> f.run("watch", f.dlq.arn() + "-gone")),
                // numbers
                refused("--rate 0", 2, "--rate 0", f -> () -> f.run("start", f.dlq.name(), "--rate", "0")),
                refused("--rate below the floor", 2, "at least 0.01",
                        f -> () -> f.run("start", f.dlq.name(), "--rate", "0.0001")),
                refused("a negative --rate", 2, "1 to 500", f -> () -> f.run("start", f.dlq.name(), "--rate", "-5")),
                refused("--rate 501 in native mode", 2, "whole number from 1 to 500",
                        f -> () -> f.run("start", f.dlq.name(), "--rate", "501", "--mode", "native")),
                refused("--rate that is not a number", 2, "'fast'",
                        f -> () -> f.run("start", f.dlq.name(), "--rate", "fast")),
                refused("--rate NaN", 2, "--rate", f -> () -> f.run("start", f.dlq.name(), "--rate", "NaN")),
                refused("--rate Infinity", 2, "--rate",
                        f -> () -> f.run("start", f.dlq.name(), "--rate", "Infinity", "--mode", "client")),
                refused("list --max 0", 2, "--max 0", f -> () -> f.run("list", f.dlq.name(), "--max", "0")),
                refused("list --max 11", 2, "--max 11", f -> () -> f.run("list", f.dlq.name(), "--max", "11")),
                refused("history --max 0", 2, "--max 0", f -> () -> f.run("history", "--max", "0")),
                refused("history of a malformed queue", 2, "bad queue name", f -> () -> f.run("history", "orders/dlq")),
                refused("list --max that is not a number", 2, "'ten'",
                        f -> () -> f.run("list", f.dlq.name(), "--max", "ten")),
                refused("--concurrency 0", 2, "--concurrency",
                        f -> () -> f.run("start", f.dlq.name(), "--concurrency", "0", "--mode", "client")),
                refused("--concurrency 65", 2, "--concurrency",
                        f -> () -> f.run("start", f.dlq.name(), "--concurrency", "65", "--mode", "client")),
                refused("--limit 0", 2, "--limit", f -> () -> f.run("start", f.dlq.name(), "--limit", "0")),
                refused("--limit too large for any count", 2, "'--limit': '99999999999999999999' is not a whole number",
                        f -> () -> f.run("start", f.dlq.name(), "--limit", "99999999999999999999")),
                refused("a filter age that overflows", 2, "the age is too large, at most 106751991167300d",
                        f -> () -> f.run("start", f.dlq.name(), "--filter", "age>9999999999999999d")),
                refused("a --region that is a path", 2, "bad region in --region",
                        f -> () -> f.run("list", f.dlq.name(), "--region", "../../etc")),
                // the environment: variables the AWS SDK reads by itself, checked first
                refused("AWS_MAX_ATTEMPTS that is no number", 2, "AWS_MAX_ATTEMPTS='abc' is not valid",
                        f -> () -> f.runWith(env -> env.put("AWS_MAX_ATTEMPTS", "abc"), "list", f.dlq.name())),
                refused("AWS_USE_FIPS_ENDPOINT neither true nor false", 2, "true or false",
                        f -> () -> f.runWith(env -> env.put("AWS_USE_FIPS_ENDPOINT", "1"), "list", f.dlq.name())),
                refused("AWS_ENDPOINT_URL of another scheme", 2, "bad endpoint URL in AWS_ENDPOINT_URL",
                        f -> () -> f.runWith(env -> env.put("AWS_ENDPOINT_URL", "ftp://127.0.0.1:20101"), "list",
                                f.dlq.name())),
                refused("AWS_REGION that is a path", 2, "bad region in AWS_REGION",
                        f -> () -> f.runWith(env -> env.put("AWS_REGION", "../../etc"), "list", f.dlq.name())),
                refused("--cli-read-timeout 0", 2, "--cli-read-timeout",
                        f -> () -> f.run("list", f.dlq.name(), "--cli-read-timeout", "0")),
                // options
                refused("an unknown option", 2, "Unknown option", f -> () -> f.run("start", f.dlq.name(), "--bogus")),
                refused("a mistyped option", 2, "did you mean",
                        f -> () -> f.run("start", f.dlq.name(), "--rat", "5")),
                refused("an unknown command", 2, "frobnicate", f -> () -> f.run("frobnicate", f.dlq.name())),
                refused("an unknown output format", 2, "--output", f -> () -> f.run("list", "-o", "yaml")),
                refused("--show-bodies without --dry-run", 2, "--show-bodies",
                        f -> () -> f.run("start", f.dlq.name(), "--show-bodies")),
                refused("a filter that does not parse", 2, "filter",
                        f -> () -> f.run("start", f.dlq.name(), "--filter", "colour=red")),
                refused("a filter regex that does not parse", 2, "filter",
                        f -> () -> f.run("start", f.dlq.name(), "--filter", "body~[unclosed")),
                refused("a filter age that does not parse", 2, "soon",
                        f -> () -> f.run("start", f.dlq.name(), "--filter", "age>soon")),
                refused("a --timeout that does not parse", 2, "'soon' is not a duration",
                        f -> () -> f.run("watch", f.dlq.name(), "--timeout", "soon")),
                refused("an --interval of zero", 2, "longer than zero",
                        f -> () -> f.run("watch", f.dlq.name(), "--interval", "0s")),
                refused("an endpoint URL that does not parse", 2, "bad endpoint URL",
                        f -> () -> f.run("list", f.dlq.name(), "--endpoint-url", "::not a url")),
                // pairings
                refused("source = destination", 2, "same queue",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.dlq.name())),
                refused("source = destination, by name and ARN", 2, "same queue",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.dlq.arn(), "--yes")),
                refused("a FIFO source to a standard destination", 2, "FIFO",
                        f -> () -> f.run("start", f.fifoDlq.name(), "--to", f.target.name(), "--yes")),
                refused("a standard source to a FIFO destination", 2, "FIFO",
                        f -> () -> f.run("start", f.dlq.name(), "--to", f.fifoDlq.url(), "--yes")),
                refused("a non-DLQ source in native mode", 2, "DLQ",
                        f -> () -> f.run("start", f.plain.name(), "--to", f.target.name(), "--mode", "native")),
                refused("a non-DLQ source without --to", 2, "DLQ", f -> () -> f.run("start", f.plain.name())));
    }
}
