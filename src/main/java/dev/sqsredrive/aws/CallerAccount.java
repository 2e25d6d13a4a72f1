package dev.sqsredrive.aws;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tells an operator when a pasted queue URL or ARN is not in the account they are signed in to (a runbook
 * copied from another environment). Only on AWS: an emulator's account id says nothing about the caller,
 * and it has no STS. The caller's account comes from STS GetCallerIdentity, asked once per command and
 * only when a queue names an account; a queue given by name is looked up in the caller's own account.
 */
public final class CallerAccount {

    private final boolean aws;
    private final Function<String, String> callerAccountInRegion;
    private Optional<String> caller;

    /** @param callerAccountInRegion asks STS, in the given region, for the caller's account id */
    public CallerAccount(Optional<URI> endpoint, Function<String, String> callerAccountInRegion) {
        this.aws = Endpoints.isAws(endpoint);
        this.callerAccountInRegion = callerAccountInRegion;
    }

    /** GetCallerIdentity with the command's credentials and timeouts. */
    public static CallerAccount viaSts(AwsSettings settings) {
        return new CallerAccount(settings.endpoint(),
                region -> CallerIdentity.ask(settings, region, settings.connectTimeout(),
                        settings.readTimeout()).account());
    }

    /** The caller's account when the queue, named by URL or ARN, is in another one; else empty. */
    public synchronized Optional<String> otherThanCaller(QueueRef typed, ResolvedQueue queue) {
        if (!aws || typed.accountId().isEmpty()) {
            return Optional.empty();
        }
        if (caller == null) {
            try {
                caller = Optional.ofNullable(callerAccountInRegion.apply(queue.region()));
            } catch (RuntimeException unknown) {
                caller = Optional.empty(); // a hint, not a check: no answer from STS stops nothing
            }
        }
        return caller.filter(account -> !account.equals(queue.accountId()));
    }
}
