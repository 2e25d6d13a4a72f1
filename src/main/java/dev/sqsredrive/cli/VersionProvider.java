package dev.sqsredrive.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (set by Maven), so it is never edited by hand. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = RedriveCommand.class.getPackage().getImplementationVersion();
        return new String[] {"sqs-redrive " + (v == null ? "(development build)" : v),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
