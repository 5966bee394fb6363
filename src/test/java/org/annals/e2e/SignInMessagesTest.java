package org.annals.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.Map;
import java.util.regex.Pattern;
import org.annals.account.AccountService;
import org.annals.support.Fixtures;
import org.annals.support.HttpSignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the sign-in page tells people whose sign-in is refused for a reason they can act on. */
class SignInMessagesTest extends BrowserTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    AccountService accounts;

    @Test
    void after_ten_failures_even_the_right_password_is_paused_with_a_clear_message() throws Exception {
        var user = fixtures.newUser("locked");
        // Nine failures posted as the browser posts the form (the page's own is drawn for the tenth): drawing the
        // sign-in page ten times took this test seconds.
        var form = new HttpSignIn(port);
        for (int i = 0; i < 9; i++) {
            org.assertj.core.api.Assertions.assertThat(form.signIn(user.getUsername(), "wrong-guess-number-" + i,
                    Map.of())).isEqualTo("/login?error");
        }
        Page page = newPerson();
        signIn(page, user.getUsername(), "wrong-guess-number-9");
        assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
        signIn(page, user.getUsername(), Fixtures.PASSWORD);
        assertThat(page.getByText("Sign-in paused")).isVisible();
        assertThat(page.getByText(Pattern.compile("try again in 15 minutes"))).isVisible();
    }

    @Test
    void a_disabled_account_is_told_so_only_with_the_right_password() {
        var user = fixtures.newUser("disabled");
        Fixtures.as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), false));
        Page page = newPerson();

        signIn(page, user.getUsername(), "not-the-password-at-all");
        assertThat(page.getByText("Incorrect user name or password")).isVisible();

        signIn(page, user.getUsername(), Fixtures.PASSWORD);
        assertThat(page.getByText("Account disabled")).isVisible();
        assertThat(page.getByText("Ask an administrator to re-enable it")).isVisible();
    }

    @Test
    void a_user_disabled_while_signed_in_is_signed_out_at_the_next_page() {
        var user = fixtures.newUser("midsession");
        Page page = newPerson();
        signIn(page, user.getUsername(), Fixtures.PASSWORD);
        assertThat(page.getByText("You are not in any project yet")).isVisible();

        Fixtures.as(fixtures.admin(), () -> accounts.setEnabled(user.userId(), false));
        try {
            page.navigate(url("account"));
        } catch (com.microsoft.playwright.PlaywrightException aborted) {
            // The open page was sent to the sign-in page by push while this navigation was under way (decision 0019).
        }
        // The open page may have been sent to the sign-in page by push before the navigation (decision 0019).
        assertThat(page).hasURL(Pattern.compile(".*/login(\\?ended=disabled)?$"));
    }

    @Test
    void the_sign_in_page_follows_the_colour_scheme_chosen_in_this_browser() {
        Page page = newPerson();
        page.navigate(url("login"));
        String light = (String) page.evaluate("() => getComputedStyle(document.body).backgroundColor");
        page.evaluate("key => localStorage.setItem(key, 'dark')", org.annals.base.ui.StoredColorScheme.KEY);
        page.reload();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        org.assertj.core.api.Assertions.assertThat(page.evaluate("() => getComputedStyle(document.body).backgroundColor"))
                .as("the page's background in the dark scheme").isNotEqualTo(light);
        assertThat(page.getByLabel("Username")).isVisible();
    }
}
