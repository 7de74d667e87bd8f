package org.techmarket.web.base;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The layout's two scripts from the WebJars (htmx and its server-sent events extension), their addresses with the
 * WebJar's version found once by the resource chain and then kept: a link expression asked the chain, through the
 * response's URL encoding, on every page (ADR 0103). The versions are part of the build, the same on every node.
 */
@Component
class WebJarScripts {

    static final List<String> PATHS = List.of("/webjars/htmx.org/dist/htmx.min.js", "/webjars/htmx-ext-sse/sse.js");

    private final ResourceUrlProvider resources;
    private volatile String html;

    WebJarScripts(ResourceUrlProvider resources) {
        this.resources = resources;
    }

    /** The script elements, each deferred, as the layout printed them. */
    String html() {
        String written = html;
        if (written != null) {
            return written;
        }
        StringBuilder scripts = new StringBuilder(160);
        boolean resolved = true;
        for (String path : PATHS) {
            String versioned = resources.getForLookupPath(path);
            // before the resource chain has read the context's handlers it finds nothing: the plain path for now
            resolved &= versioned != null;
            if (scripts.length() > 0) {
                scripts.append("\n  ");
            }
            scripts.append("<script src=\"")
                    .append(PageShell.escape(versioned == null ? path : versioned))
                    .append("\" defer></script>");
        }
        written = scripts.toString();
        if (resolved) {
            html = written;
        }
        return written;
    }
}
