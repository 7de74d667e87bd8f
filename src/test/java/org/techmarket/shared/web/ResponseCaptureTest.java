package org.techmarket.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class ResponseCaptureTest {

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void whatTheWriterWritesReachesTheResponseAndIsCopiedInItsEncoding() throws IOException {
        ResponseCapture capture = new ResponseCapture(response, 1024);
        capture.setContentType("text/html;charset=UTF-8");

        capture.getWriter().write("<p>电池</p>");
        capture.finish();

        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>电池</p>");
        assertThat(new String(capture.body(), StandardCharsets.UTF_8)).isEqualTo("<p>电池</p>");
    }

    @Test
    void whatTheStreamWritesReachesTheResponseAsItIsWritten() throws IOException {
        ResponseCapture capture = new ResponseCapture(response, 1024);

        capture.getOutputStream().write('{');
        assertThat(response.getContentAsString()).as("nothing held back").isEqualTo("{");
        capture.getOutputStream().write("}".getBytes(StandardCharsets.UTF_8), 0, 1);

        assertThat(response.getContentAsString()).isEqualTo("{}");
        assertThat(capture.body()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aBodyOverTheLimitStillGoesOutWholeButIsNotKept() throws IOException {
        ResponseCapture capture = new ResponseCapture(response, 4);

        capture.getOutputStream().write("12345".getBytes(StandardCharsets.UTF_8));

        assertThat(response.getContentAsString()).isEqualTo("12345");
        assertThat(capture.body()).isNull();
    }

    @Test
    void aResponseResetIsNotKept() throws IOException {
        ResponseCapture capture = new ResponseCapture(response, 1024);
        capture.getOutputStream().write('x');

        capture.resetBuffer();

        assertThat(capture.body()).isNull();
    }

    @Test
    void theHandlersHeadersLanguageAndCookiesAreNoted() {
        ResponseCapture capture = new ResponseCapture(response, 1024);

        capture.setHeader("ETag", "\"1\"");
        capture.addHeader("Vary", "Accept");
        capture.setIntHeader("X-Count", 2);
        capture.setDateHeader("Last-Modified", 0);
        capture.setContentType("application/json");
        capture.setHeader("Content-Length", "2");
        capture.setLocale(Locale.ENGLISH);
        capture.addCookie(new Cookie("lang", "en"));

        assertThat(capture.headerNames()).containsExactly("etag", "vary", "x-count", "last-modified");
        assertThat(capture.language()).isEqualTo(Locale.ENGLISH);
        assertThat(capture.cookies()).extracting(Cookie::getName).containsExactly("lang");
        assertThat(capture.body()).isEmpty();
    }

    @Test
    void aCookieWrittenAsAHeaderSpoilsTheCopy() throws IOException {
        ResponseCapture capture = new ResponseCapture(response, 1024);

        capture.addHeader("Set-Cookie", "JSESSIONID=1");
        capture.getOutputStream().write('x');

        assertThat(capture.body()).isNull();
    }
}
