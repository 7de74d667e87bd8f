package org.techmarket.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.techmarket.shared.Rejection;
import org.techmarket.shared.SharedCodes;
import org.techmarket.shared.Text;

/**
 * Path ids and query parameters pass the same text rule as bodies (no NUL, control or bidi-override characters),
 * checked once the request is matched to a controller, so the refusal names the parameter.
 */
@Configuration(proxyBeanMethods = false)
class TextParameters implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            variables.forEach((name, value) -> check(String.valueOf(name), String.valueOf(value)));
        }
        request.getParameterMap().forEach((name, values) -> {
            check("parameter name", name);
            for (String value : values) {
                check(name, value);
            }
        });
        return true;
    }

    private static void check(String field, String value) {
        Text.textProblem(value).ifPresent(problem -> {
            throw Rejection.invalid(SharedCodes.INVALID_CHARACTERS, field, field + " " + problem);
        });
    }
}
