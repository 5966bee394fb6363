package org.annals.base.ui;

/**
 * The colour scheme a person picked in this browser (user menu → theme), kept in the browser's local storage
 * rather than on the server, so that every page, the sign-in page included, can apply it before its first paint.
 */
public final class StoredColorScheme {

    /** The local-storage key; {@link MainLayout} writes it. */
    public static final String KEY = "annals-color-scheme";

    /**
     * A script for the page's head: applies the stored choice (light or dark) to the document before the first
     * paint, so a dark page does not flash light; without a stored choice the browser's own setting applies.
     */
    public static final String APPLY_SCRIPT = """
            try {
              var scheme = localStorage.getItem('%s');
              if (scheme === 'dark' || scheme === 'light') {
                document.documentElement.setAttribute('theme', scheme);
                document.documentElement.style.colorScheme = scheme;
              }
            } catch (e) {}
            """.formatted(KEY);

    private StoredColorScheme() {
    }
}
