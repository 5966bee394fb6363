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
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.account.AdminBootstrapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The training run for the JDK's ahead-of-time cache (JEP 483/514/515, decision 41). Only active with
 * {@code annals.aot-training.enabled=true}, which bin/annals and the Docker image set for one start on a
 * throwaway data folder under {@code -XX:AOTCacheOutput}: once the app is ready it does over real HTTP
 * what the first person does (the sign-in page, signing in as the first administrator, the project
 * list, the sample project's library, a source in the editor with its text download), then stops the
 * app, and the JVM writes the classes it loaded and the methods' profiles into the cache. Later starts
 * with {@code -XX:AOTCache} find them loaded and linked, so neither start-up nor the first click pays for
 * loading them again. Each step is tried once; one that fails is logged and skipped, since a partial
 * training still makes a useful cache.
 */
@Component
@ConditionalOnBooleanProperty("annals.aot-training.enabled")
class AotTrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(AotTrainingRun.class);
    private static final Pattern PROJECT = Pattern.compile("projects/([0-9a-f-]{36})");
    private static final Pattern SOURCE = Pattern.compile("projects/[0-9a-f-]{36}/sources/([0-9a-f-]{36})");
    private static final Pattern CSRF_PARAMETER = Pattern.compile("<meta name=\"_csrf_parameter\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern RESOURCE = Pattern.compile("(VAADIN/dynamic/resource/[^\"\\\\]+)");
    /** The sample project is imported in the background after start; the training waits for it this long. */
    private static final Duration SAMPLE_WAIT = Duration.ofSeconds(90);

    private final AdminBootstrapProperties admin;

    AotTrainingRun(AdminBootstrapProperties admin) {
        this.admin = admin;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        String port = context.getEnvironment().getProperty("local.server.port", "8080");
        Thread.ofPlatform().name("aot-training").start(() -> {
            int exitCode = 0;
            try {
                train("http://localhost:" + port + "/");
            } catch (IOException | RuntimeException e) {
                log.warn("AOT training run stopped early: {}", e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                log.info("AOT training run done; stopping so that the JVM writes its cache");
                exitCode = SpringApplication.exit(context, () -> 0);
            }
            System.exit(exitCode);
        });
    }

    private void train(String base) throws IOException, InterruptedException {
        var client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        var session = new Session(client, base);
        String signInPage = session.get("login");
        session.open("login");
        String password = admin.password();
        if (password == null || password.isBlank()) {
            log.info("AOT training: no ANNALS_ADMIN_PASSWORD, so only the sign-in page was opened");
            return;
        }
        session.signIn(admin.username(), password, signInPage);
        long deadline = System.nanoTime() + SAMPLE_WAIT.toNanos();
        Optional<String> source = Optional.empty();
        while (source.isEmpty() && System.nanoTime() < deadline) {
            Optional<String> project = first(PROJECT, session.open(""));
            if (project.isPresent()) {
                session.open("projects/" + project.get());
                source = first(SOURCE, session.open("projects/" + project.get() + "/sources"))
                        .map(id -> "projects/" + project.get() + "/sources/" + id);
            }
            if (source.isEmpty()) {
                Thread.sleep(1000);
            }
        }
        if (source.isEmpty()) {
            log.warn("AOT training: no sample source appeared within {}; the editor was not opened", SAMPLE_WAIT);
            return;
        }
        for (int i = 0; i < 3; i++) {
            String editor = session.open(source.get());
            Set<String> downloads = new LinkedHashSet<>();
            Matcher resources = RESOURCE.matcher(editor);
            while (resources.find()) {
                downloads.add(resources.group(1));
            }
            for (String download : downloads) {
                session.get(download);
            }
        }
        log.info("AOT training: signed in and opened the project list, a library and {}", source.get());
    }

    private static Optional<String> first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** One browser-like session: cookies kept, pages opened the way Vaadin's client asks for them. */
    private record Session(HttpClient client, String base) {

        /** The page's HTML, then the view itself as Vaadin's client requests it on load. */
        String open(String path) throws IOException, InterruptedException {
            get(path);
            return get(path + "?v-r=init&location=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + "&query=");
        }

        /** Posts the sign-in form as the browser does, with the CSRF token the sign-in page carries. */
        void signIn(String username, String password, String signInPage) throws IOException, InterruptedException {
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            Optional<String> parameter = first(CSRF_PARAMETER, signInPage);
            Optional<String> token = first(CSRF_TOKEN, signInPage);
            if (parameter.isPresent() && token.isPresent()) {
                form += "&" + URLEncoder.encode(parameter.get(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(token.get(), StandardCharsets.UTF_8);
            }
            send(HttpRequest.newBuilder(URI.create(base + "login")).header("Content-Type",
                    "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        String get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(60))
                    .header("Accept-Encoding", "identity").build(), HttpResponse.BodyHandlers.ofString());
            return response.body() == null ? "" : response.body();
        }
    }
}
