package org.annals.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A web server on 127.0.0.1 for the tests of import by address (never the internet): an article page with
 * navigation, advertisements and comments, a redirect chain, a 404, a server that trickles its page a byte at a
 * time, an endless page, a PDF, plain text, an image, and pages that redirect into private addresses. A second
 * server plays an internal service that must never be reached. One per test JVM, started on first use; the tests
 * allow exactly its {@code host:port} ({@link #allowedHost()}) as a private address.
 */
public final class LocalWebServer {

    public static final String ARTICLE_HTML = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Shelling of Idlib villages | Monitor News</title></head>
            <body>
            <header class="masthead"><a href="/">Monitor News</a>
              <nav><ul><li><a href="/world">World</a></li><li><a href="/middle-east">Middle East</a></li>
              <li><a href="/opinion">Opinion</a></li></ul></nav></header>
            <div class="ad-slot ad-top">Advertisement: Buy the best satellite phones today, limited offer</div>
            <div class="layout">
            <article>
              <h1>Shelling of Idlib villages</h1>
              <p>On 2 December 2024, artillery shelling hit the villages of Kafr Nubl and Hass in southern Idlib,
              according to local monitors, who counted at least seven civilians killed and twelve wounded.</p>
              <p>The monitors said the shelling began in the early morning, lasted for about three hours, and
              damaged a school, a bakery and two houses, forcing dozens of families to leave for the north.</p>
              <p>Residents described the attack as the heaviest in weeks, and aid groups asked for safe passage
              for ambulances, which could not reach the wounded until the afternoon.</p>
            </article>
            <aside class="sidebar"><h2>Most read</h2><ul><li><a href="/a">Elections in the north</a></li>
              <li><a href="/b">Prices of bread rise again</a></li></ul></aside>
            </div>
            <div id="comments" class="comments"><h3>3 comments</h3><p>Great article, thanks for sharing this with us all!</p></div>
            <div class="sponsored promo">Sponsored: Travel deals to the coast, book now and save a lot of money</div>
            <footer><p>© 2024 Monitor News. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
            </body></html>
            """;

    public static final String SECOND_HTML = """
            <!DOCTYPE html>
            <html><head><title>Aid convoy reaches Hama</title></head><body>
            <nav><a href="/">Home</a> <a href="/news">News</a></nav>
            <main><h1>Aid convoy reaches Hama</h1>
            <p>A convoy of twenty trucks carrying food, medicine and winter supplies reached Hama on 4 December 2024,
            the first in more than a month, after days of negotiation between the parties.</p>
            <p>Aid workers said the supplies would last about two weeks for the families displaced from the countryside,
            and that more convoys were planned if the roads stayed open.</p></main>
            <footer>Contact us</footer></body></html>
            """;

    public static final String PLAIN_TEXT = "Situation report, 5 December 2024.\n\nThe front line moved south of Hama overnight.\n";

    private static LocalWebServer shared;

    private final HttpServer server;
    private final HttpServer internal;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    /** Pages a test put up with {@link #serve}: path to content type and body. */
    private final Map<String, Map.Entry<String, byte[]>> served = new ConcurrentHashMap<>();
    private final AtomicInteger internalHits = new AtomicInteger();
    /** What the endless page managed to send, and whether the client hung up on it. */
    private final AtomicLong endlessSent = new AtomicLong();
    private volatile boolean endlessCutOff;

    private LocalWebServer() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        internal = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        internal.createContext("/", exchange -> {
            internalHits.incrementAndGet();
            send(exchange, 200, "text/plain", "internal secret".getBytes(StandardCharsets.UTF_8));
        });
        internal.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        internal.start();
        server = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static synchronized LocalWebServer shared() {
        if (shared == null) {
            try {
                shared = new LocalWebServer();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The one private {@code host:port} the tests allow Annals to fetch from. */
    public String allowedHost() {
        return "127.0.0.1:" + port();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    /** The internal service's address: private, and not allowed. */
    public String internalUrl(String path) {
        return "http://127.0.0.1:" + internal.getAddress().getPort() + path;
    }

    public int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    public int internalHits() {
        return internalHits.get();
    }

    public long endlessSent() {
        return endlessSent.get();
    }

    public boolean endlessCutOff() {
        return endlessCutOff;
    }

    /** Serves these bytes at this path (under /served/) from now on, and returns its address. */
    public String serve(String name, String contentType, byte[] body) {
        String path = "/served/" + name;
        served.put(path, Map.entry(contentType, body));
        return url(path);
    }

    /** The bytes a path serves, for comparing with what was captured. */
    public static byte[] bytesOf(String path) {
        return switch (path) {
            case "/article.html" -> ARTICLE_HTML.getBytes(StandardCharsets.UTF_8);
            case "/second.html" -> SECOND_HTML.getBytes(StandardCharsets.UTF_8);
            case "/plain.txt" -> PLAIN_TEXT.getBytes(StandardCharsets.UTF_8);
            case "/report.pdf" -> pdf();
            default -> {
                if (path.startsWith("/bench/")) {
                    yield benchPage(path).getBytes(StandardCharsets.UTF_8);
                }
                throw new IllegalArgumentException(path);
            }
        };
    }

    private static byte[] pdf() {
        try (InputStream in = LocalWebServer.class.getResourceAsStream("/fetch/report.pdf")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A page of the benchmark: an article with navigation, a sidebar and a few paragraphs, different per number. */
    static String benchPage(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).replace(".html", "");
        var body = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            body.append("<p>Report ").append(n).append(", paragraph ").append(i).append(": on ").append(1 + i % 28)
                    .append(" December 2024, monitors recorded shelling, displacement and damage to homes, schools")
                    .append(" and markets in the districts around the city, with casualties among civilians.</p>\n");
        }
        return "<!DOCTYPE html><html><head><title>Report " + n + "</title></head><body><nav><a href=\"/\">Home</a>"
                + "<a href=\"/news\">News</a></nav><aside class=\"sidebar\">Most read</aside><article><h1>Report " + n
                + "</h1>" + body + "</article><footer>Footer</footer></body></html>";
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        switch (path) {
            case "/article.html", "/second.html" -> send(exchange, 200, "text/html; charset=utf-8", bytesOf(path));
            case "/plain.txt" -> send(exchange, 200, "text/plain; charset=utf-8", bytesOf(path));
            case "/report.pdf" -> send(exchange, 200, "application/pdf", bytesOf(path));
            case "/image.png" -> send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
            case "/missing" -> send(exchange, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            case "/r/1" -> redirect(exchange, 302, "/r/2");
            case "/r/2" -> redirect(exchange, 301, url("/r/3"));
            case "/r/3" -> redirect(exchange, 307, "../article.html");
            case "/loop" -> redirect(exchange, 302, "/loop");
            case "/to-internal" -> redirect(exchange, 302, internalUrl("/secret"));
            case "/to-metadata" -> redirect(exchange, 302, "http://169.254.169.254/latest/meta-data/");
            case "/to-ipv6-loopback" -> redirect(exchange, 302,
                    "http://[::1]:" + internal.getAddress().getPort() + "/secret");
            case "/slow" -> trickle(exchange);
            case "/endless" -> endless(exchange);
            case "/declared-huge" -> {
                exchange.getResponseHeaders().set("Content-Type", "text/html");
                exchange.sendResponseHeaders(200, 1L << 30);
                // The headers and a first bit go out; the rest would follow slowly. The client must not wait for it.
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write("<html>".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    Thread.sleep(30_000);
                } catch (IOException | InterruptedException cutOff) {
                    // the client refused it on its header
                }
            }
            default -> {
                var page = served.get(path);
                if (path.startsWith("/bench/")) {
                    send(exchange, 200, "text/html; charset=utf-8", bytesOf(path));
                } else if (page != null) {
                    send(exchange, 200, page.getKey(), page.getValue());
                } else {
                    send(exchange, 404, "text/plain", "no such page".getBytes(StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Headers at once, then one byte every 300 ms for up to ten minutes: only a deadline stops it. */
    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < 2000; i++) {
                out.write('<');
                out.flush();
                Thread.sleep(300);
            }
        } catch (IOException | InterruptedException hungUp) {
            // the client gave up, as it should
        }
    }

    /** A page that never ends (chunked, 64 KB at a time, up to 1 GB): only a size cap stops it. */
    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<p>more</p>".repeat(6000).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent < (1L << 30); sent += chunk.length) {
                out.write(chunk);
                endlessSent.addAndGet(chunk.length);
            }
        } catch (IOException hungUp) {
            endlessCutOff = true;
        }
    }

    private static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
