package org.annals.security;

import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A caller of the REST API authenticated by a personal access token. The principal is the same
 * {@link AnnalsPrincipal} a browser sign-in builds, so {@link CurrentUser} and every service check
 * work unchanged; on top of the user's own authorities it carries the token's scope, and a token
 * bound to one project makes every other project invisible (see {@link CurrentUser#onlyProject()}).
 */
public final class TokenAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Any valid token: may call the reading endpoints. */
    public static final String READ = "SCOPE_READ";
    /** A token with write scope: may also call the endpoints that propose, decide or import. */
    public static final String WRITE = "SCOPE_WRITE";

    private final AnnalsPrincipal principal;
    private final UUID tokenId;
    private final @Nullable UUID projectId;

    public TokenAuthentication(AnnalsPrincipal principal, UUID tokenId, @Nullable UUID projectId, boolean mayWrite) {
        super(authorities(principal, mayWrite));
        this.principal = principal;
        this.tokenId = tokenId;
        this.projectId = projectId;
        setAuthenticated(true);
    }

    private static List<GrantedAuthority> authorities(AnnalsPrincipal principal, boolean mayWrite) {
        var authorities = new ArrayList<GrantedAuthority>(principal.getAuthorities());
        authorities.add(new SimpleGrantedAuthority(READ));
        if (mayWrite) {
            authorities.add(new SimpleGrantedAuthority(WRITE));
        }
        return authorities;
    }

    @Override
    public AnnalsPrincipal getPrincipal() {
        return principal;
    }

    /** Never the secret: only its id, which is safe to log and to count requests by. */
    @Override
    public Object getCredentials() {
        return tokenId;
    }

    public UUID tokenId() {
        return tokenId;
    }

    /** The only project this token works in, if it is bound to one. */
    public Optional<UUID> projectId() {
        return Optional.ofNullable(projectId);
    }

    public boolean mayWrite() {
        return getAuthorities().stream().anyMatch(a -> WRITE.equals(a.getAuthority()));
    }
}
