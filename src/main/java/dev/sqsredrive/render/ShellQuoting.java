package dev.sqsredrive.render;

import java.util.List;

/** Words quoted for a POSIX shell, so that a printed command line can be pasted as it is. */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /** One word in single quotes, a quote inside written as '\'' . */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** {@code --filter 'A' --filter 'B'}: each filter as an option, quoted. */
    public static String filterOptions(List<String> filters) {
        StringBuilder sb = new StringBuilder();
        for (String f : filters) {
            sb.append(sb.isEmpty() ? "" : " ").append("--filter ").append(quote(f));
        }
        return sb.toString();
    }
}
