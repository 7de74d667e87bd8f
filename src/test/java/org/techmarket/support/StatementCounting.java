package org.techmarket.support;

import jakarta.servlet.Filter;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the SQL statements an HTTP request runs on its own thread. A request that carries {@link #HEADER} with a
 * key of the test's choosing has its statements counted, from the first filter to the last; {@link #of(String)}
 * then tells how many, and {@link #commitsOf(String)} how many transactions it committed. Statements of background
 * jobs and of event listeners on other threads are not counted.
 */
public final class StatementCounting {

    /** The request header whose value names the count. */
    public static final String HEADER = "X-Count-Statements";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    private static final ThreadLocal<List<String>> TEXTS = new ThreadLocal<>();
    private static final ThreadLocal<AtomicInteger> COMMITTING = new ThreadLocal<>();
    private static final Map<String, Integer> COMMITTED = new ConcurrentHashMap<>();
    private static final Map<String, Integer> COUNTED = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> STATEMENTS = new ConcurrentHashMap<>();
    private static final Set<String> EXECUTIONS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch");

    private StatementCounting() {}

    /** The statements the finished request named {@code key} ran; empty while it has not finished. */
    public static Optional<Integer> of(String key) {
        return Optional.ofNullable(COUNTED.get(key));
    }

    /**
     * The transactions the finished request named {@code key} committed on its own thread (a statement run without a
     * transaction commits none); empty while it has not finished.
     */
    public static Optional<Integer> commitsOf(String key) {
        return Optional.ofNullable(COMMITTED.get(key));
    }

    /**
     * The SQL the finished request named {@code key} prepared or ran, in order (a statement executed twice shows
     * once per preparation); empty while it has not finished.
     */
    public static List<String> statementsOf(String key) {
        return STATEMENTS.getOrDefault(key, List.of());
    }

    /** What a counted request answered, and the SQL it ran on the server. */
    public record Counted(HttpResponse<String> response, List<String> statements) {}

    /**
     * Sends {@code request} counted under a fresh key and answers it with the statements it ran, once they are kept
     * (just after the request leaves the filters, which can be after its response reached the client). The request
     * asks for a fresh answer ({@code Cache-Control: no-cache}), so it counts what answering costs, not what sending a
     * kept answer does.
     */
    public static Counted send(HttpRequest.Builder request) throws IOException, InterruptedException {
        String key = Fixtures.unique("counted");
        HttpResponse<String> response = HTTP.send(
                request.header(HEADER, key).header("Cache-Control", "no-cache").build(),
                HttpResponse.BodyHandlers.ofString());
        Eventually.await("the request's count", Duration.ofSeconds(10), () -> of(key).isPresent());
        return new Counted(response, statementsOf(key));
    }

    /** A counted request's statements, one a line under a heading, for a test's output and its failure messages. */
    public static String report(String what, List<String> statements) {
        StringBuilder out = new StringBuilder("== " + what + ": " + statements.size() + " statements");
        statements.forEach(s -> out.append("\n   ").append(s));
        return out.toString();
    }

    /** Wraps the market's DataSource and adds the filter that starts and ends each count. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static BeanPostProcessor statementCountingDataSource() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource dataSource ? counting(dataSource) : bean;
                }
            };
        }

        @Bean
        FilterRegistrationBean<Filter> statementCountingFilter() {
            Filter filter = (request, response, chain) -> {
                String key = ((jakarta.servlet.http.HttpServletRequest) request).getHeader(HEADER);
                if (key == null) {
                    chain.doFilter(request, response);
                    return;
                }
                AtomicInteger count = new AtomicInteger();
                AtomicInteger commits = new AtomicInteger();
                List<String> texts = new ArrayList<>();
                CURRENT.set(count);
                COMMITTING.set(commits);
                TEXTS.set(texts);
                try {
                    chain.doFilter(request, response);
                } finally {
                    CURRENT.remove();
                    COMMITTING.remove();
                    TEXTS.remove();
                    STATEMENTS.put(key, List.copyOf(texts));
                    COMMITTED.put(key, commits.get());
                    COUNTED.put(key, count.get());
                }
            };
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    private static DataSource counting(DataSource target) {
        return proxy(
                DataSource.class,
                target,
                (method, result, args) -> method.getName().equals("getConnection")
                        ? proxy(Connection.class, result, StatementCounting::statements)
                        : result);
    }

    private static Object statements(Method method, Object result, Object[] args) {
        AtomicInteger commits = COMMITTING.get();
        if (commits != null && method.getName().equals("commit")) {
            commits.incrementAndGet();
        }
        List<String> texts = TEXTS.get();
        if (texts != null
                && result instanceof Statement
                && args != null
                && args.length > 0
                && args[0] instanceof String sql) {
            texts.add(sql.strip().replaceAll("\\s+", " "));
        }
        return result instanceof Statement statement
                ? proxy(method.getReturnType(), statement, (executed, outcome, arguments) -> outcome)
                : result;
    }

    private interface Afterwards {
        Object apply(Method method, Object result, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Object target, Afterwards afterwards) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (target instanceof Statement && EXECUTIONS.contains(method.getName())) {
                AtomicInteger count = CURRENT.get();
                if (count != null) {
                    count.incrementAndGet();
                }
            }
            try {
                return afterwards.apply(method, method.invoke(target, args), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return type.cast(
                Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
