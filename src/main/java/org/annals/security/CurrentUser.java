package org.annals.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
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

    public static AnnalsPrincipal require() {
        return get().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }
}
