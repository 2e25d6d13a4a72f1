package dev.sqsredrive.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test class whose claim is about time or load on this machine (how fast something answers), which the
 * other test JVMs' work would distort: surefire's 'alone' execution runs it after the others, by itself
 * (pom.xml, docs/TESTING.md "Running the tests"). Not for a test that merely waits: it polls for its
 * condition instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RunsAlone.TAG)
public @interface RunsAlone {

    String TAG = "alone";
}
