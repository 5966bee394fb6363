package org.annals.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Starts Chromium for the browser tests. A system Chromium is used when one is found (the path in
 * {@code ANNALS_CHROMIUM}, or {@code chromium}, {@code chromium-browser} or {@code google-chrome} on
 * the PATH); otherwise Playwright downloads its own browser, which needs internet access.
 */
public final class Browsers {

    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

    private Browsers() {
    }

    public static Playwright playwright() {
        var options = new Playwright.CreateOptions();
        if (systemChromium().isPresent()) {
            options.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"));
        }
        return Playwright.create(options);
    }

    public static Browser chromium(Playwright playwright) {
        var launch = new BrowserType.LaunchOptions().setHeadless(true).setArgs(ARGS);
        systemChromium().ifPresent(launch::setExecutablePath);
        return playwright.chromium().launch(launch);
    }

    static Optional<Path> systemChromium() {
        String configured = System.getenv("ANNALS_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(java.io.File.pathSeparator))
                .flatMap(dir -> Stream.of("chromium", "chromium-browser", "google-chrome").map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
