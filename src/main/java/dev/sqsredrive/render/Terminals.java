package dev.sqsredrive.render;

import java.io.Console;

/** Whether this process talks to a person at a terminal. */
public final class Terminals {

    private Terminals() {
    }

    public static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        // Since JDK 22 System.console() is non-null even when redirected; isTerminal() tells the truth there.
        // On JDK 21 the method does not exist and a non-null console already means a terminal.
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
