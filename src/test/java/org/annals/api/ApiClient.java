package org.annals.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP calls against the running server, as a script would make them. */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    ApiClient(int port) {
        this.port = port;
    }

    record Response(int status, HttpResponse<String> raw) {

        String body() {
            return raw.body();
        }

        JsonNode json() {
            return JSON.readTree(raw.body());
        }

        String contentType() {
            return raw.headers().firstValue("Content-Type").orElse("");
        }

        @Nullable String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Asserts an RFC 9457 problem with this status and a detail for people; returns the detail. */
        String problem(int expectedStatus) {
            assertThat(status).as("status of %s", this).isEqualTo(expectedStatus);
            assertThat(contentType()).as("content type of %s", this).startsWith("application/problem+json");
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).isEqualTo(expectedStatus);
            assertThat(problem.path("detail").asString()).as("detail of %s", this).isNotBlank();
            assertThat(body()).doesNotContain("Exception", "\tat org.");
            return problem.path("detail").asString();
        }

        @Override
        public String toString() {
            return raw.request().method() + " " + raw.request().uri().getPath() + " → " + status + " " + raw.body();
        }
    }

    static Map<String, String> bearer(@Nullable String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    static Map<String, String> basic(String username, String password) {
        return Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    Response get(String path, @Nullable String token) {
        return send("GET", path, bearer(token), null);
    }

    Response post(String path, @Nullable String token, @Nullable Object body) {
        return send("POST", path, bearer(token), body);
    }

    /** Sends a request; a body that is not a String is written as JSON, sent as JSON unless a Content-Type is given. */
    Response send(String method, String path, Map<String, String> headers, @Nullable Object body) {
        var all = new LinkedHashMap<String, String>();
        all.put("Accept", "application/json");
        all.putAll(headers);
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        all.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            if (!all.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
