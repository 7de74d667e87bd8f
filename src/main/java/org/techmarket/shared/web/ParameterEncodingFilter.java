package org.techmarket.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.SharedCodes;

/**
 * Refuses a request whose parameters cannot be decoded (a {@code %} not followed by two hexadecimal digits, bytes that
 * are not UTF-8) with 400 {@code INVALID_PARAMETER}, before anything reads them. The servlet container reports such a
 * parameter by throwing from the first {@code getParameter} call, wherever that happens to be (the language switch,
 * the CSRF check, a controller), which would otherwise answer 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ParameterEncodingFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            request.getParameterMap();
        } catch (InvalidParameterException undecodable) {
            ProblemWriter.write(
                    response,
                    400,
                    "Bad Request",
                    SharedCodes.INVALID_PARAMETER,
                    "A parameter of the request is not correctly percent-encoded UTF-8");
            return;
        }
        chain.doFilter(request, response);
    }
}
