package org.annals.startup;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's session without a browser: cookies kept, pages opened over real HTTP the way Vaadin's
 * client opens them. Opening a page is three requests: the page's HTML, Vaadin's {@code v-r=init} (which
 * creates the UI) and the UIDL message that navigates it to the route (which builds the view and answers
 * with its state). Used by the ahead-of-time cache's training run and by tests of what goes over the
 * wire; it knows only the parts of Vaadin's protocol these need.
 */
public final class PageSession {

    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final Pattern DOWNLOAD = Pattern.compile("(VAADIN/dynamic/resource/[^\"\\\\]+)");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;

    /** @param base the server's address with a trailing slash, e.g. {@code http://localhost:8080/} */
    public PageSession(String base) {
        this.base = base;
    }

    /** Signs in through the sign-in form, CSRF token included; returns the address the server sent us to. */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        String page = text(get("login", Map.of()));
        String form = "username=" + encode(username) + "&password=" + encode(password);
        Optional<String> parameter = first(CSRF_PARAMETER, page);
        Optional<String> token = first(CSRF_TOKEN, page);
        if (parameter.isPresent() && token.isPresent()) {
            form += "&" + encode(parameter.get()) + "=" + encode(token.get());
        }
        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(base + "login"))
                .header("Content-Type", "application/x-www-form-urlencoded").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        return response.uri().toString();
    }

    /**
     * Opens a route (e.g. {@code projects/<id>}) as the browser does; returns the response to the navigation
     * message, the view's state. {@code headers} go with the Vaadin requests (e.g. Accept-Encoding).
     */
    public HttpResponse<byte[]> open(String route, Map<String, String> headers) throws IOException, InterruptedException {
        get(route, Map.of());
        String init = text(get("?v-r=init&location=" + encode(route) + "&query=", Map.of()));
        String key = first(SECURITY_KEY, init).orElseThrow(() -> new IOException("no Vaadin session key in " + route));
        String ui = first(UI_ID, init).orElse("0");
        String navigate = "{\"csrfToken\":\"" + key + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\","
                + "\"data\":{\"route\":\"" + route + "\",\"query\":\"\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},"
                + "\"trigger\":\"\"}}],\"syncId\":0,\"clientId\":0}";
        var request = HttpRequest.newBuilder(URI.create(base + "?v-r=uidl&v-uiId=" + ui))
                .header("Content-Type", "application/json; charset=UTF-8").header("Origin", origin())
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(navigate));
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A GET of a path below the server's address, with these headers. */
    public HttpResponse<byte[]> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The downloads (Vaadin's dynamic resources, e.g. the editor's text) a page's state refers to. */
    public static Set<String> downloads(String state) {
        var found = new LinkedHashSet<String>();
        Matcher matcher = DOWNLOAD.matcher(state);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** A body that was not compressed, as text. */
    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private String origin() {
        URI uri = URI.create(base);
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
