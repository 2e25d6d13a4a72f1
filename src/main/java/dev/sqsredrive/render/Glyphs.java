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

    /** Unicode when the charset can encode every glyph, else ASCII. */
    public static Glyphs forCharset(Charset charset) {
        var encoder = charset.newEncoder();
        return encoder.canEncode(UNICODE.filled + UNICODE.empty + UNICODE.arrow + UNICODE.ellipsis) ? UNICODE : ASCII;
    }
}
