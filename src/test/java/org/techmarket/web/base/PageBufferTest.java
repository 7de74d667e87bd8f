package org.techmarket.web.base;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
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
