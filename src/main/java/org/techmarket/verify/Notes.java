package org.techmarket.verify;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Strict decoding shared by the note, checkpoint and key readers: UTF-8 and standard base64 that refuse the lax. */
final class Notes {

    private Notes() {}

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "a note must be valid UTF-8");
        }
    }

    /** Standard base64 (RFC 4648 section 4) with padding, and nothing that re-encodes differently. */
    static byte[] base64(String text, String what) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new NotVerified(NotVerified.Failure.MALFORMED, "the " + what + " is not standard base64");
        }
    }

    static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
