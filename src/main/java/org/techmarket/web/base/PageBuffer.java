package org.techmarket.web.base;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;

/**
 * The text of one page as it is rendered, in a character array that its request thread keeps for its next page. A page
 * is handed to the response in one write once it is complete (so that a page which fails half-way sends nothing of
 * itself, and the response's wrappers see one write, not hundreds, ADR 0080); rendering it into a string writer of its
 * own grew that writer by doubling and copied it once more into a string, 25–185 KB of every page's allocation
 * (ADR 0103). Not thread-safe: a buffer belongs to the thread that {@linkplain #take() took} it until it is
 * {@linkplain #release() released}.
 */
final class PageBuffer extends PrintWriter {

    /** A page's characters to start with; a longer page grows the buffer by doubling, once per thread. */
    static final int INITIAL = 64 * 1024;

    /** A buffer grown beyond this by an unusually long page is not kept, so that no thread holds megabytes. */
    static final int KEPT_AT_MOST = 512 * 1024;

    private static final ThreadLocal<PageBuffer> THREADS = ThreadLocal.withInitial(PageBuffer::new);

    private char[] chars = new char[INITIAL];
    private byte[] bytes = new byte[0];
    private int length;
    private boolean taken;

    private PageBuffer() {
        super(Writer.nullWriter());
    }

    /**
     * The calling thread's buffer, emptied; a fresh one if the thread's own is still in use (a page rendered while
     * another is being rendered on the same thread).
     */
    static PageBuffer take() {
        PageBuffer buffer = THREADS.get();
        if (buffer.taken) {
            buffer = new PageBuffer();
        }
        buffer.taken = true;
        buffer.length = 0;
        return buffer;
    }

    /** Gives the buffer back to its thread, shrunk if a long page grew it too far. */
    void release() {
        taken = false;
        length = 0;
        if (chars.length > KEPT_AT_MOST) {
            chars = new char[INITIAL];
        }
        if (bytes.length > 3 * KEPT_AT_MOST) {
            bytes = new byte[0];
        }
    }

    /** {@code response} with this buffer as its writer; everything else goes to the response itself. */
    HttpServletResponse around(HttpServletResponse response) {
        PageBuffer buffer = this;
        return new HttpServletResponseWrapper(response) {
            @Override
            public PrintWriter getWriter() {
                return buffer;
            }
        };
    }

    /** Writes the page in one call to {@code out} and flushes it. */
    void writeTo(Writer out) throws IOException {
        out.write(chars, 0, length);
        out.flush();
    }

    /**
     * Writes the page to {@code response} in one call and flushes it. A page in UTF-8 (every page the market renders)
     * is encoded here, into bytes the thread keeps, and written to the response's stream with its length: through the
     * response's writer, Tomcat encoded it 8 KB at a time and sent each 8 KB as it filled. Any other charset, or a
     * response whose writer is already in use, is written through the writer.
     */
    void writeTo(HttpServletResponse response) throws IOException {
        if (!"UTF-8".equalsIgnoreCase(response.getCharacterEncoding())) {
            writeTo(response.getWriter());
            return;
        }
        ServletOutputStream out;
        try {
            out = response.getOutputStream();
        } catch (IllegalStateException writerInUse) {
            writeTo(response.getWriter());
            return;
        }
        int size = utf8();
        response.setContentLength(size);
        out.write(bytes, 0, size);
        out.flush();
    }

    /**
     * Encodes the page into {@link #bytes} as UTF-8 and returns how many bytes it took. A surrogate without its other
     * half is written as {@code ?}, as the JDK's encoder writes it.
     */
    private int utf8() {
        if (bytes.length < 3 * length) {
            bytes = new byte[Math.max(3 * length, 3 * INITIAL)];
        }
        byte[] out = bytes;
        int n = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                int point = Character.toCodePoint(c, chars[++i]);
                out[n++] = (byte) (0xF0 | point >> 18);
                out[n++] = (byte) (0x80 | point >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | point >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | point & 0x3F);
            } else {
                out[n++] = '?';
            }
        }
        return n;
    }

    /** The text written so far. */
    String text() {
        return new String(chars, 0, length);
    }

    /** How many characters the thread's buffer holds room for. */
    int capacity() {
        return chars.length;
    }

    private void room(int more) {
        if (length + more > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
        }
    }

    @Override
    public void write(int c) {
        room(1);
        chars[length++] = (char) c;
    }

    @Override
    public void write(char[] text, int offset, int count) {
        room(count);
        System.arraycopy(text, offset, chars, length, count);
        length += count;
    }

    @Override
    public void write(char[] text) {
        write(text, 0, text.length);
    }

    @Override
    public void write(String text, int offset, int count) {
        room(count);
        text.getChars(offset, offset + count, chars, length);
        length += count;
    }

    @Override
    public void write(String text) {
        write(text, 0, text.length());
    }

    @Override
    public PrintWriter append(CharSequence text) {
        String s = String.valueOf(text);
        write(s, 0, s.length());
        return this;
    }

    @Override
    public PrintWriter append(CharSequence text, int start, int end) {
        return append(String.valueOf(text).subSequence(start, end));
    }

    @Override
    public PrintWriter append(char c) {
        write(c);
        return this;
    }

    @Override
    public void println() {
        write(System.lineSeparator());
    }

    @Override
    public void flush() {
        // the page goes out whole, in writeTo
    }

    @Override
    public void close() {
        // the buffer outlives the page; release() hands it back
    }

    @Override
    public boolean checkError() {
        return false;
    }
}
