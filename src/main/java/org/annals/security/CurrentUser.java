package org.annals.security;

import java.util.Optional;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling. Services ask this instead of taking a user argument that a caller could forge. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<AnnalsPrincipal> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof AnnalsPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    /**
     * The one project the caller may act in, when they called with a token bound to a project;
     * empty for a browser session or an unbound token. {@code ProjectAccess} treats every other
     * project as one the caller cannot see.
     */
    public static Optional<UUID> onlyProject() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof TokenAuthentication token ? token.projectId() : Optional.empty();
    }

    /**
     * Replaces who the current signed-in session says it is (after the person changed their own
     * password, so that this session does not count as signed in with the old one). Only a session
     * signed in with a password is renewed; a token's authentication is read afresh on every call.
     */
    public static void renew(AnnalsPrincipal renewed) {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof UsernamePasswordAuthenticationToken signedIn) {
            var token = UsernamePasswordAuthenticationToken.authenticated(renewed, null, renewed.getAuthorities());
            token.setDetails(signedIn.getDetails());
            // The context object is the one kept in the HTTP session, so the session holds the renewal.
            context.setAuthentication(token);
        }
    }

    public static AnnalsPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }
}
