package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/** A page's text in its thread's buffer: written whole, never mixed with the page before, and never shared. */
class PageBufferTest {

    @Test
    void aPageRenderedAfterAnotherOnTheSameThreadHoldsOnlyItsOwnText() throws Exception {
        PageBuffer first = PageBuffer.take();
        first.write("<p>the token of Alice: ");
        first.write("a".repeat(100_000).toCharArray(), 0, 100_000);
        first.release();

        PageBuffer second = PageBuffer.take();
        second.write("<p>Bob</p>");
        MockHttpServletResponse response = new MockHttpServletResponse();
        second.writeTo(response.getWriter());
        second.release();

        assertThat(second).isSameAs(first);
        assertThat(response.getContentAsString()).isEqualTo("<p>Bob</p>");
    }

    @Test
    void theResponseSeesNothingUntilThePageIsWrittenWhole() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        PageBuffer page = PageBuffer.take();
        try {
            HttpServletResponse wrapped = page.around(response);
            PrintWriter writer = wrapped.getWriter();
            writer.write("<html>");
            writer.append('\n').append("<body>", 0, 3).print(42);
            writer.println();
            writer.flush();
            wrapped.setContentType("text/html;charset=UTF-8");

            assertThat(response.getContentAsString()).isEmpty();
            assertThat(response.isCommitted()).isFalse();
            assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
            page.writeTo(response.getWriter());
        } finally {
            page.release();
        }

        assertThat(response.getContentAsString()).isEqualTo("<html>\n<bo42" + System.lineSeparator());
    }

    @Test
    void aPageInUtf8IsSentAsTheJdkEncodesItWithItsLength() throws Exception {
        String text = "<p>¥1,000.00 · 量子密钥分发 😀 naïve</p>" + "\ud800 lone" + " end \udc00" + "x".repeat(70_000);
        MockHttpServletResponse response = new MockHttpServletResponse();
        response.setContentType("text/html;charset=UTF-8");
        PageBuffer page = PageBuffer.take();
        try {
            page.write(text);
            page.writeTo(response);
        } finally {
            page.release();
        }

        byte[] jdk = text.getBytes(StandardCharsets.UTF_8);
        assertThat(response.getContentAsByteArray()).isEqualTo(jdk);
        assertThat(response.getContentLength()).isEqualTo(jdk.length);
        assertThat(response.getContentAsString()).isEqualTo(new String(jdk, StandardCharsets.UTF_8));
    }

    @Test
    void aPageInAnotherCharsetOrToAResponseWhoseWriterIsInUseGoesThroughTheWriter() throws Exception {
        MockHttpServletResponse latin = new MockHttpServletResponse();
        latin.setContentType("text/html;charset=ISO-8859-1");
        MockHttpServletResponse begun = new MockHttpServletResponse();
        begun.setContentType("text/html;charset=UTF-8");
        begun.getWriter().write("<!-- begun -->");
        // as a servlet container answers a response's stream once its writer has been taken
        HttpServletResponse writerTaken = new HttpServletResponseWrapper(begun) {
            @Override
            public ServletOutputStream getOutputStream() {
                throw new IllegalStateException("getWriter() has already been called for this response");
            }
        };
        PageBuffer page = PageBuffer.take();
        try {
            page.write("<p>café ¥</p>");
            page.writeTo(latin);
            page.writeTo(writerTaken);
        } finally {
            page.release();
        }

        assertThat(latin.getContentAsByteArray()).isEqualTo("<p>café ¥</p>".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(begun.getContentAsString()).isEqualTo("<!-- begun --><p>café ¥</p>");
    }

    @Test
    void aPageBegunWhileAnotherIsBeingRenderedOnTheThreadGetsABufferOfItsOwn() {
        PageBuffer outer = PageBuffer.take();
        outer.write("outer");
        PageBuffer inner = PageBuffer.take();
        inner.write("inner");

        assertThat(inner).isNotSameAs(outer);
        assertThat(outer.text()).isEqualTo("outer");
        assertThat(inner.text()).isEqualTo("inner");
        inner.release();
        outer.release();
        assertThat(PageBuffer.take()).isSameAs(outer);
        outer.release();
    }

    @Test
    void eachThreadHasItsOwnBuffer() throws Exception {
        PageBuffer here = PageBuffer.take();
        here.write("here");
        AtomicReference<PageBuffer> there = new AtomicReference<>();
        Thread other = new Thread(() -> {
            PageBuffer buffer = PageBuffer.take();
            buffer.write("there");
            there.set(buffer);
            buffer.release();
        });
        other.start();
        other.join();

        assertThat(there.get()).isNotSameAs(here);
        assertThat(here.text()).isEqualTo("here");
        here.release();
    }

    @Test
    void aBufferGrownByAVeryLongPageIsNotKept() {
        PageBuffer page = PageBuffer.take();
        char[] text = new char[PageBuffer.KEPT_AT_MOST + 1];
        page.write(text, 0, text.length);
        assertThat(page.text()).hasSize(text.length);
        page.release();

        assertThat(page.capacity()).isEqualTo(PageBuffer.INITIAL);
    }
}
