package dev.sqsredrive.mover.file;

import java.io.ByteArrayOutputStream;

/**
 * WTF-8: UTF-8 that also encodes a lone surrogate, as the three bytes UTF-8 would give its code point. A body
 * that is not well-formed Unicode (impossible from AWS, possible from an emulator or a hand-made file) has no
 * UTF-8 form, so a line carries these bytes instead and gets the very same string back.
 */
final class Wtf8 {

    private Wtf8() {
    }

    /** Whether every surrogate in s is half of a pair, i.e. whether s has a UTF-8 form. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    static byte[] encode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i); // a lone surrogate comes back as itself
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xC0 | cp >> 6);
                out.write(0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                out.write(0xE0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            } else {
                out.write(0xF0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3F);
                out.write(0x80 | cp >> 6 & 0x3F);
                out.write(0x80 | cp & 0x3F);
            }
        }
        return out.toByteArray();
    }

    /** The string, or null when the bytes are not WTF-8 (a stray continuation byte, an overlong form...). */
    static String decode(byte[] b) {
        StringBuilder out = new StringBuilder(b.length);
        int i = 0;
        while (i < b.length) {
            int lead = b[i] & 0xFF;
            int length;
            int cp;
            int min;
            if (lead < 0x80) {
                length = 1;
                cp = lead;
                min = 0;
            } else if (lead >= 0xC2 && lead <= 0xDF) {
                length = 2;
                cp = lead & 0x1F;
                min = 0x80;
            } else if (lead >= 0xE0 && lead <= 0xEF) {
                length = 3;
                cp = lead & 0x0F;
                min = 0x800;
            } else if (lead >= 0xF0 && lead <= 0xF4) {
                length = 4;
                cp = lead & 0x07;
                min = 0x10000;
            } else {
                return null;
            }
            if (i + length > b.length) {
                return null;
            }
            for (int k = 1; k < length; k++) {
                int next = b[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    return null;
                }
                cp = cp << 6 | next & 0x3F;
            }
            if (cp < min || cp > Character.MAX_CODE_POINT) {
                return null;
            }
            out.appendCodePoint(cp);
            i += length;
        }
        return out.toString();
    }
}
