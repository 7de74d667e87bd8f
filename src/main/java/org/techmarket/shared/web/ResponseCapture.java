package org.techmarket.shared.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * A response written through to the client as it is written, with a copy of its body (up to a limit) and a note of
 * what the handler set on it: the headers by name, the language, the cookies. Nothing is held back: a streamed
 * response (Server-Sent Events) reaches its client as it would without the copy, and a page's bytes go out as they
 * did. The copy is what {@link ResponseCache} keeps; headers Spring Security writes when the response is committed
 * are not the handler's and are not noted, since they are written again on every answer.
 */
final class ResponseCapture extends HttpServletResponseWrapper {

    private final int limit;
    private final ByteArrayOutputStream copy = new ByteArrayOutputStream(16 * 1024);
    private final Set<String> headerNames = new LinkedHashSet<>();
    private final List<Cookie> cookies = new ArrayList<>();
    private boolean spoilt;
    private Locale locale;
    private Tee stream;
    private PrintWriter writer;

    ResponseCapture(HttpServletResponse response, int limit) {
        super(response);
        this.limit = limit;
    }

    /** The body written, when it was kept whole; empty when it outgrew the limit or the response was reset. */
    byte[] body() {
        return spoilt ? null : copy.toByteArray();
    }

    /** The names of the headers the handler set or added, in the order it first did. */
    Set<String> headerNames() {
        return headerNames;
    }

    /** The cookies the handler added. */
    List<Cookie> cookies() {
        return cookies;
    }

    /** The language the handler gave the response, or {@code null} when it gave none. */
    Locale language() {
        return locale;
    }

    /** Sends what the handler's writer still holds; called when the handler has returned. */
    void finish() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (stream == null) {
            stream = new Tee(super.getOutputStream());
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (writer == null) {
            Charset charset = Charset.forName(getCharacterEncoding());
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), charset), false);
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        finish();
        super.flushBuffer();
    }

    @Override
    public void reset() {
        spoilt = true;
        super.reset();
    }

    @Override
    public void resetBuffer() {
        spoilt = true;
        super.resetBuffer();
    }

    @Override
    public void setLocale(Locale locale) {
        this.locale = locale;
        super.setLocale(locale);
    }

    @Override
    public void addCookie(Cookie cookie) {
        cookies.add(cookie);
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        noted(name);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        noted(name);
        super.addHeader(name, value);
    }

    @Override
    public void setDateHeader(String name, long date) {
        noted(name);
        super.setDateHeader(name, date);
    }

    @Override
    public void addDateHeader(String name, long date) {
        noted(name);
        super.addDateHeader(name, date);
    }

    @Override
    public void setIntHeader(String name, int value) {
        noted(name);
        super.setIntHeader(name, value);
    }

    @Override
    public void addIntHeader(String name, int value) {
        noted(name);
        super.addIntHeader(name, value);
    }

    private void noted(String name) {
        if (HttpHeaders.SET_COOKIE.equalsIgnoreCase(name)) {
            // a cookie written as a header is not one the cache can tell apart; the response is not kept
            spoilt = true;
        } else if (!HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)
                && !HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
            headerNames.add(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The response's own stream, with every byte also copied while the copy is under the limit. */
    private final class Tee extends ServletOutputStream {
        private final ServletOutputStream out;

        Tee(ServletOutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copied(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
            copied(bytes, offset, length);
        }

        private void copied(byte[] bytes, int offset, int length) {
            if (spoilt) {
                return;
            }
            if (copy.size() + length > limit) {
                spoilt = true;
                copy.reset();
            } else {
                copy.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
