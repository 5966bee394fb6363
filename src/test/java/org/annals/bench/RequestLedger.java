package org.annals.bench;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Benchmarks only: what the server does for each HTTP request (time on the server, SQL statements executed and
 * their time), so a harness can say where a page's time goes. The data source is wrapped in JDK proxies that count
 * statement executions on the request's thread; a filter in front of everything (security included) records each
 * request. Statements run off a request thread (background work) are counted apart.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestLedger {

    /** One request as the server saw it. */
    record Entry(long startedNanos, String method, String what, int status, double millis, int statements,
            double statementMillis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-6s %-70s %3d %8.1f ms  %3d SQL (%.1f ms)", method, what, status, millis,
                    statements, statementMillis);
        }
    }

    static final List<Entry> ENTRIES = new CopyOnWriteArrayList<>();
    private static final ThreadLocal<long[]> CURRENT = new ThreadLocal<>();
    /** The SQL prepared on request threads, in order, while {@link #recordSql} is on. */
    static final List<String> SQL = new CopyOnWriteArrayList<>();
    static volatile boolean recordSql;
    /** Statements executed on no request thread: [count, nanos]. */
    static final java.util.concurrent.atomic.AtomicLongArray BACKGROUND = new java.util.concurrent.atomic.AtomicLongArray(2);
    private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    static List<Entry> drain() {
        var copy = new ArrayList<>(ENTRIES);
        ENTRIES.clear();
        return copy;
    }

    @Bean
    FilterRegistrationBean<Filter> requestLedgerFilter() {
        Filter filter = (request, response, chain) -> {
            long[] counter = new long[2];
            CURRENT.set(counter);
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
                var http = (HttpServletRequest) request;
                String query = http.getQueryString();
                String what = http.getRequestURI() + (query == null ? "" : "?" + shorten(query));
                ENTRIES.add(new Entry(start, http.getMethod(), what,
                        ((jakarta.servlet.http.HttpServletResponse) response).getStatus(),
                        (System.nanoTime() - start) / 1e6, (int) counter[0], counter[1] / 1e6));
            }
        };
        var registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    private static String shorten(String query) {
        // Vaadin's parameters say what the request is; ids and tokens are noise here.
        return query.replaceAll("v-uiId=\\d+", "").replaceAll("location=[^&]*", "location=…")
                .replaceAll("v-r=dl&?", "v-r=dl ").replaceAll("&+", "&");
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource dataSource) {
                    return proxy(DataSource.class, dataSource);
                }
                return bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (p, method, args) -> invoke(target, method, args);
        Class<?>[] interfaces = type == DataSource.class ? new Class<?>[] {DataSource.class}
                : new Class<?>[] {type};
        return (T) Proxy.newProxyInstance(RequestLedger.class.getClassLoader(), interfaces, handler);
    }

    /** {@code -Dannals.bench.sqlCallers=true}: each recorded statement names the application's methods that ran it. */
    private static final boolean CALLERS = Boolean.getBoolean("annals.bench.sqlCallers");

    /** The statement's start and, for a long one, its tables and conditions (which tell statements of one entity apart). */
    private static String shortSql(String sql) {
        if (sql.length() <= 160) {
            return sql;
        }
        int from = sql.indexOf(" from ");
        String tail = from < 0 ? "" : sql.substring(from);
        return sql.substring(0, 60) + " …" + (tail.length() > 200 ? tail.substring(0, 200) : tail);
    }

    /** The innermost application frames (services, views) on the stack, innermost first. */
    private static String callers() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(f -> f.getClassName().startsWith("org.annals.") && !f.getClassName().startsWith("org.annals.bench."))
                .filter(f -> !f.getClassName().contains("$$"))
                .limit(6).map(f -> f.getClassName().substring(11) + "." + f.getMethodName() + ":" + f.getLineNumber())
                .collect(java.util.stream.Collectors.joining(" < ")));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        boolean executes = EXECUTES.contains(method.getName()) && target instanceof Statement;
        if (recordSql && CURRENT.get() != null && method.getName().startsWith("prepare") && args != null
                && args.length > 0 && args[0] instanceof String sql) {
            SQL.add(shortSql(sql) + (CALLERS ? "\n         from " + callers() : ""));
        }
        long start = System.nanoTime();
        Object result;
        try {
            result = method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            if (executes) {
                long nanos = System.nanoTime() - start;
                long[] counter = CURRENT.get();
                if (counter != null) {
                    counter[0]++;
                    counter[1] += nanos;
                } else {
                    BACKGROUND.incrementAndGet(0);
                    BACKGROUND.addAndGet(1, nanos);
                }
            }
        }
        if (result instanceof Connection c && method.getReturnType() == Connection.class) {
            return proxy(Connection.class, c);
        }
        if (result instanceof java.sql.CallableStatement s && method.getReturnType() == java.sql.CallableStatement.class) {
            return proxy(java.sql.CallableStatement.class, s);
        }
        if (result instanceof java.sql.PreparedStatement s && method.getReturnType() == java.sql.PreparedStatement.class) {
            return proxy(java.sql.PreparedStatement.class, s);
        }
        if (result instanceof Statement s && method.getReturnType() == Statement.class) {
            return proxy(Statement.class, s);
        }
        return result;
    }
}
