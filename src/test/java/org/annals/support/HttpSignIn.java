package org.annals.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Signs in through the sign-in form over real HTTP, as a browser does: the page first (for the
 * session cookie and the CSRF token Vaadin puts into it as {@code <meta name="_csrf">}), then the
 * form post with that token. Each client keeps its own cookies.
 */
public final class HttpSignIn {

    private static final Pattern TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    public HttpSignIn(int port) {
        this.port = port;
    }

    public HttpClient client() {
        return client;
    }

    /** The cookies the server has set for this client: after a sign-in, its session. */
    public List<HttpCookie> cookies() {
        return cookies.getCookieStore().getCookies();
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    /** Opens the sign-in page; returns the form's CSRF parameter name and token. */
    public Map.Entry<String, String> openForm(Map<String, String> headers) throws IOException, InterruptedException {
        var page = request("/login");
        headers.forEach(page::header);
        String html = client.send(page.GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return Map.entry(find(PARAMETER, html), find(TOKEN, html));
    }

    /** Posts the form with the given token (none: {@code null}); the answer is a redirect either way. */
    public HttpResponse<Void> post(String username, String password, Map.@Nullable Entry<String, String> csrf,
            Map<String, String> headers) throws IOException, InterruptedException {
        String form = "username=" + encode(username) + "&password=" + encode(password)
                + (csrf == null ? "" : "&" + encode(csrf.getKey()) + "=" + encode(csrf.getValue()));
        var post = request("/login").header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(post::header);
        return client.send(post.POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Opens the form and posts it, as a person at a browser would; returns where the server sends them. */
    public String signIn(String username, String password, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpResponse<Void> response = post(username, password, openForm(headers), headers);
        if (response.statusCode() != 302) {
            throw new AssertionError("sign-in answered " + response.statusCode() + ", not a redirect");
        }
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        return location.getPath() + (location.getQuery() == null ? "" : "?" + location.getQuery());
    }

    private static String find(Pattern pattern, String html) {
        Matcher match = pattern.matcher(html);
        if (!match.find()) {
            throw new AssertionError("no " + pattern + " in the sign-in page");
        }
        return match.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
