package org.annals.support;

import com.vaadin.browserless.SpringBrowserlessTest;
import org.annals.security.AnnalsPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A browserless view test that opens its views as a chosen person. */
public abstract class SignedInBrowserlessTest extends SpringBrowserlessTest {

    /** Starts a fresh Vaadin environment (a new session and UI) signed in as this person. */
    protected void signIn(AnnalsPrincipal who) {
        cleanVaadinEnvironment();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(who, null, who.getAuthorities()));
        initVaadinEnvironment();
    }
}
