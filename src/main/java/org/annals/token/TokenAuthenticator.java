package org.annals.token;

import java.time.Duration;
import java.time.Instant;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.TokenAuthentication;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns the secret of an {@code Authorization: Bearer} header into the caller. This is the REST
 * API's sign-in, called by its filter before anyone is signed in, so it is not a service with
 * permission checks. Everything is read on every request: a revoked token or a disabled account
 * stops working at once, as a changed project role does.
 */
@Component
public class TokenAuthenticator {

    /** How stale "last used" may get: at most one write per token and minute. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final AccessTokenRepository tokens;
    private final UserDetailsService users;

    TokenAuthenticator(AccessTokenRepository tokens, UserDetailsService users) {
        this.tokens = tokens;
        this.users = users;
    }

    /** The caller the secret stands for; throws with a message for the client when it stands for no one. */
    @Transactional
    public TokenAuthentication authenticate(String secret) throws AuthenticationException {
        if (!TokenSecrets.wellFormed(secret)) {
            throw new BadCredentialsException("This is not an Annals access token.");
        }
        AccessToken token = tokens.findBySecretHash(TokenSecrets.hash(secret))
                .orElseThrow(() -> new BadCredentialsException("Unknown access token."));
        Instant now = Instant.now();
        if (token.isRevoked()) {
            throw new BadCredentialsException("This access token was revoked.");
        }
        if (token.isExpired(now)) {
            throw new CredentialsExpiredException("This access token has expired. Create a new one.");
        }
        AnnalsPrincipal principal;
        try {
            principal = (AnnalsPrincipal) users.loadUserByUsername(tokens.usernameOf(token.getUserId())
                    .orElseThrow(() -> new UsernameNotFoundException("No such user")));
        } catch (UsernameNotFoundException e) {
            throw new BadCredentialsException("Unknown access token.");
        }
        if (!principal.isEnabled()) {
            throw new DisabledException("The account of this access token is disabled.");
        }
        principal.eraseCredentials();
        tokens.markUsed(token.getId(), now, now.minus(LAST_USED_PRECISION));
        return new TokenAuthentication(principal, token.getId(), token.getProjectId(),
                token.getScope() == TokenScope.WRITE);
    }
}
