package org.techmarket.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.techmarket.shared.ProblemWriter;
import org.techmarket.shared.SharedCodes;

/**
 * Refusals made before any controller runs leave as problem+json too: those of the servlet container (a path with
 * {@code %2F}, {@code %00} or {@code {}}, over-long headers), those of the security firewall ({@code ../}, {@code ;})
 * and whatever reaches the error path, including a client calling {@code /error} itself.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    private static final Logger log = LoggerFactory.getLogger(ContainerErrors.class);

    /** Tomcat reports its own refusals through this valve instead of its HTML error page. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve());
        });
    }

    /** The security firewall's refusal of a URL or header it will not pass on. */
    @Bean
    RequestRejectedHandler problemOnRejectedRequest() {
        return (request, response, rejected) -> {
            log.info("Refused a request the firewall rejected: {}", rejected.getMessage());
            ProblemWriter.write(
                    response,
                    400,
                    "Bad Request",
                    SharedCodes.REQUEST_REJECTED,
                    "The request URL or headers contain "
                            + "a sequence the market does not accept (such as '..', '//', ';', '%25', '%2E' or a backslash)");
        };
    }

    /** Writes problem+json for every error status the container reports, and nothing more of its own. */
    public static final class ProblemReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(ProblemWriter.body(
                            status,
                            ProblemWriter.titleFor(status),
                            ProblemWriter.codeFor(status),
                            ProblemWriter.detailFor(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                log.debug("Could not write the container's error report", e);
            }
        }
    }

    /**
     * The error path: what the container forwards here (a status without a body, an exception that escaped a filter)
     * and a client calling it directly, which finds nothing there.
     */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
            Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = code instanceof Integer given && given >= 400 ? given : 404;
            Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
            if (status >= 500) {
                log.error(
                        "Unexpected failure before the dispatcher: {}",
                        request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
                        failure instanceof Throwable t ? t : null);
            }
            if (response.isCommitted()) {
                return;
            }
            response.reset();
            ProblemWriter.write(
                    response,
                    status,
                    ProblemWriter.titleFor(status),
                    ProblemWriter.codeFor(status),
                    ProblemWriter.detailFor(status));
        }
    }
}
