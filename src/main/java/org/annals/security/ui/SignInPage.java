package org.annals.security.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * The sign-in page: one small HTML page with the form, written by the server, not a Vaadin view (decision 43).
 * A Vaadin view needs the whole frontend (1.5 MB of script, decision 20) parsed and run before its form
 * appears, which cost every newcomer and every new browser 2-5 s; this page is about 5 KB and shows the form
 * at its first paint. While the person types, the browser fetches the application's scripts
 * ({@code <link rel="prefetch">}), so the page after signing in does not wait for the network either.
 *
 * <p>Spring Security handles the form's post ({@code POST /login}, with its CSRF token) and sends failures
 * back here with {@code ?error}; {@link SignInNotice} says why. Every text written into the page is escaped.
 */
@Controller
class SignInPage {

    private final AppScripts scripts;

    SignInPage(AppScripts scripts) {
        this.scripts = scripts;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(HttpServletRequest request, CsrfToken csrf) {
        Optional<SignInNotice> notice = SignInNotice.of(request.getParameterMap(), lastFailure(request));
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(html(csrf, notice));
    }

    /** Spring Security leaves the reason for the last failure in the session; it is read once. */
    private static Exception lastFailure(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception e) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            return e;
        }
        return null;
    }

    String html(CsrfToken csrf, Optional<SignInNotice> notice) {
        var page = new StringBuilder(6_000);
        page.append("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
                <title>Sign in · Annals</title>
                <link rel="icon" href="icons/annals.svg" sizes="any">
                """);
        // For scripts that post the form as a browser does (the same names Vaadin's pages carry).
        page.append("<meta name=\"_csrf_parameter\" content=\"").append(text(csrf.getParameterName())).append("\">\n")
                .append("<meta name=\"_csrf_header\" content=\"").append(text(csrf.getHeaderName())).append("\">\n")
                .append("<meta name=\"_csrf\" content=\"").append(text(csrf.getToken())).append("\">\n");
        page.append(STYLE);
        for (String file : scripts.files()) {
            page.append("<link rel=\"prefetch\" href=\"").append(text(file)).append("\" crossorigin>\n");
        }
        page.append("""
                </head>
                <body>
                <main class="login-view">
                <h1>Annals</h1>
                <p class="login-tagline">Turn sources into a vetted, evidence-backed timeline.</p>
                <form class="sign-in" method="post" action="login" aria-labelledby="sign-in-title">
                <h2 id="sign-in-title">Log in</h2>
                """);
        notice.ifPresent(n -> page.append("<div class=\"notice\" role=\"alert\"><strong>").append(text(n.title()))
                .append("</strong><p>").append(text(n.message())).append("</p></div>\n"));
        page.append("""
                <label for="username">Username</label>
                <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none"
                  spellcheck="false" required autofocus>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                """);
        page.append("<input type=\"hidden\" name=\"").append(text(csrf.getParameterName())).append("\" value=\"")
                .append(text(csrf.getToken())).append("\">\n");
        page.append("""
                <button type="submit">Log in</button>
                </form>
                </main>
                </body>
                </html>
                """);
        return page.toString();
    }

    private static String text(String value) {
        return HtmlUtils.htmlEscape(value, "UTF-8");
    }

    /**
     * Lumo's look (its colours, radii and spacing) without loading Lumo; light or dark as the application's own
     * pages choose it: the browser's setting, unless the person picked one in this browser (the same stored choice).
     */
    private static final String STYLE = "<script>\n" + org.annals.base.ui.StoredColorScheme.APPLY_SCRIPT + "</script>\n" + """
            <style>
            :root { color-scheme: light dark; --bg: #fff; --text: hsla(214, 40%, 16%, 0.94);
              --secondary: hsla(214, 42%, 18%, 0.69); --field: hsla(214, 57%, 24%, 0.1); --primary: hsl(214, 100%, 48%);
              --error: hsl(3, 85%, 48%); --error-bg: hsla(3, 85%, 49%, 0.1); --card: hsla(214, 61%, 25%, 0.05); }
            @media (prefers-color-scheme: dark) { :root:not([theme=light]) { --bg: hsl(214, 35%, 21%);
              --text: hsla(214, 96%, 96%, 0.9); --secondary: hsla(214, 87%, 92%, 0.69); --field: hsla(214, 65%, 85%, 0.14);
              --primary: hsl(214, 90%, 48%); --error: hsl(3, 90%, 63%); --error-bg: hsla(3, 90%, 63%, 0.1);
              --card: hsla(214, 65%, 85%, 0.06); } }
            :root[theme=dark] { --bg: hsl(214, 35%, 21%); --text: hsla(214, 96%, 96%, 0.9);
              --secondary: hsla(214, 87%, 92%, 0.69); --field: hsla(214, 65%, 85%, 0.14); --primary: hsl(214, 90%, 48%);
              --error: hsl(3, 90%, 63%); --error-bg: hsla(3, 90%, 63%, 0.1); --card: hsla(214, 65%, 85%, 0.06); }
            html, body { height: 100%; margin: 0; }
            body { background: var(--bg); color: var(--text); font-size: 1rem; line-height: 1.625;
              font-family: -apple-system, BlinkMacSystemFont, "Roboto", "Segoe UI", Helvetica, Arial, sans-serif; }
            .login-view { min-height: 100%; box-sizing: border-box; padding: 1rem; display: flex; flex-direction: column;
              align-items: center; justify-content: center; }
            h1 { font-size: 2.5rem; line-height: 1.1; font-weight: 600; margin: 0; }
            .login-tagline { color: var(--secondary); margin: 0.25rem 0 1rem; text-align: center; }
            .sign-in { width: 100%; max-width: 21rem; box-sizing: border-box; padding: 1.5rem 2rem 2rem;
              background: var(--card); border-radius: 0.5rem; display: flex; flex-direction: column; }
            h2 { font-size: 1.5rem; margin: 0 0 0.75rem; font-weight: 600; }
            label { color: var(--secondary); font-size: 0.875rem; font-weight: 500; margin-top: 0.5rem; }
            input { font: inherit; color: inherit; background: var(--field); border: 1px solid transparent;
              border-radius: 0.25rem; height: 2.25rem; padding: 0 0.75rem; margin-top: 0.25rem; }
            input:focus-visible { outline: 2px solid var(--primary); outline-offset: 1px; }
            button { font: inherit; font-weight: 600; margin-top: 1.5rem; height: 2.25rem; border: 0; border-radius: 0.25rem;
              background: var(--primary); color: #fff; cursor: pointer; }
            button:focus-visible { outline: 2px solid var(--primary); outline-offset: 2px; }
            .notice { background: var(--error-bg); color: var(--error); border-radius: 0.25rem; padding: 0.75rem 1rem;
              margin-bottom: 0.5rem; }
            .notice p { margin: 0.25rem 0 0; font-size: 0.875rem; }
            </style>
            """;
}
