package dev.sqsredrive.cli;

/**
 * What a user typed, made safe to echo: an error line that repeats a queue name, path or option carries
 * its control characters written out ({@code \x1b}), so that a name like {@code $'\e[31mRED'} cannot recolour,
 * move or clear the user's terminal (it was echoed raw). Our own colour is added after, around the line.
 */
final class ControlChars {

    private ControlChars() {
    }

    static String escaped(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f;
            if (control && sb == null) {
                sb = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(control ? String.format("\\x%02x", (int) c) : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
