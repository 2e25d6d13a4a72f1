package dev.sqsredrive.render;

import java.util.Map;

/**
 * Colour, or none. On only when stderr/stdout is a terminal and neither NO_COLOR (https://no-color.org)
 * nor --no-color nor TERM=dumb says otherwise. The escape codes live here and nowhere else.
 */
public final class Style {

    private final boolean colour;

    private Style(boolean colour) {
        this.colour = colour;
    }

    public static Style plain() {
        return new Style(false);
    }

    public static Style detect(boolean terminal, boolean noColorFlag, Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        boolean disabled = noColorFlag || (noColor != null && !noColor.isEmpty()) || "dumb".equals(env.get("TERM"));
        return new Style(terminal && !disabled);
    }

    public boolean colour() {
        return colour;
    }

    public String red(String s) {
        return wrap("31", s);
    }

    public String green(String s) {
        return wrap("32", s);
    }

    public String yellow(String s) {
        return wrap("33", s);
    }

    public String bold(String s) {
        return wrap("1", s);
    }

    public String dim(String s) {
        return wrap("2", s);
    }

    private String wrap(String code, String s) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
