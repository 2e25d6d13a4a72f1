package dev.sqsredrive.render;

import java.nio.charset.Charset;

/**
 * The few non-ASCII characters the live view draws, or their ASCII stand-ins when the terminal's charset
 * cannot encode them (a C/POSIX locale, for instance): a '?' in place of every bar cell helps nobody.
 *
 * @param filled   a done cell of the progress bar
 * @param empty    a cell still to do
 * @param arrow    between source and destination
 * @param ellipsis marks a name or line that was cut to fit
 */
public record Glyphs(String filled, String empty, String arrow, String ellipsis) {

    public static final Glyphs UNICODE = new Glyphs("\u2588", "\u2591", "\u2192", "\u2026");
    public static final Glyphs ASCII = new Glyphs("#", "-", "->", "~");

    /** In lines written elsewhere (the backpressure's "backlog 1,240 ≥ 1,000"). */
    private static final String AT_LEAST = "\u2265";

    /** Unicode when the charset can encode every glyph, else ASCII. */
    public static Glyphs forCharset(Charset charset) {
        var encoder = charset.newEncoder();
        return encoder.canEncode(UNICODE.filled + UNICODE.empty + UNICODE.arrow + UNICODE.ellipsis + AT_LEAST)
                ? UNICODE : ASCII;
    }

    /** A line from elsewhere, with the signs this terminal cannot draw spelt in ASCII. */
    public String text(String line) {
        return equals(ASCII) ? line.replace(AT_LEAST, ">=") : line;
    }
}
