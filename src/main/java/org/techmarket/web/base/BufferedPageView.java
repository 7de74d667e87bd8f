package org.techmarket.web.base;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.thymeleaf.spring6.view.ThymeleafView;

/**
 * A page rendered by Thymeleaf into its request thread's {@link PageBuffer} and written to the response in one call
 * when it is complete. Thymeleaf writes "partial output" into the buffer as it goes, which is no response's output
 * yet: a page that fails half-way leaves the response untouched for the error page, as rendering into a string did.
 */
public class BufferedPageView extends ThymeleafView {

    /** Thymeleaf writes straight into the buffer that {@link #render} hands it as the response's writer. */
    @Override
    public boolean getProducePartialOutputWhileProcessing() {
        return true;
    }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        PageBuffer page = PageBuffer.take();
        try {
            super.render(model, request, page.around(response));
            page.writeTo(response);
        } finally {
            page.release();
        }
    }
}
