package org.annals.token;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.project.ProjectService;
import org.annals.project.ProjectSummary;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in user's personal access tokens: create (the secret is returned once), list, revoke.
 * Administrators may revoke anyone's token (a leaked token must be stoppable without its owner).
 */
@Service
@Transactional
@PreAuthorize("isAuthenticated()")
public class TokenService {

    private static final Logger log = LoggerFactory.getLogger(TokenService.class);

    /** Enough for every script a person runs; a bound on what a loop over the create endpoint can pile up. */
    static final int MAX_ACTIVE_PER_USER = 50;

    private final AccessTokenRepository tokens;
    private final ProjectService projects;

    TokenService(AccessTokenRepository tokens, ProjectService projects) {
        this.tokens = tokens;
        this.projects = projects;
    }

    /**
     * Creates a token of the caller, valid through the end of {@code expiresOn} (UTC), at most a
     * year ahead. With a project it works only there, and only while the caller is a member.
     */
    public CreatedToken create(String name, @Nullable UUID projectId, TokenScope scope, @Nullable LocalDate expiresOn) {
        AnnalsPrincipal me = CurrentUser.require();
        String projectName = null;
        if (projectId != null) {
            projectName = projects.get(projectId).name(); // Any role; "not found" for everyone else.
        }
        Instant now = Instant.now();
        if (tokens.countActive(me.userId(), now) >= MAX_ACTIVE_PER_USER) {
            throw new InvalidInputException("You have " + MAX_ACTIVE_PER_USER + " active tokens. Revoke some first.");
        }
        String secret = TokenSecrets.generate();
        String validName = validName(name);
        AccessToken token = tokens.save(new AccessToken(me.userId(), projectId, validName, scope,
                TokenSecrets.hash(secret), now, expiry(expiresOn, now)));
        log.info("Access token '{}' ({}, {}{}) created by '{}'", validName, token.getId(), scope,
                projectId == null ? "" : ", project " + projectId, me.getUsername());
        return new CreatedToken(token.summary(projectName), secret);
    }

    /** The caller's tokens, newest first, revoked and expired ones included (so the owner sees what stopped). */
    @Transactional(readOnly = true)
    public List<TokenSummary> mine() {
        Map<UUID, String> names = projects.myProjects().stream()
                .collect(Collectors.toMap(ProjectSummary::id, ProjectSummary::name));
        return tokens.findByUserIdOrderByCreatedAtDesc(CurrentUser.require().userId()).stream()
                .map(t -> t.summary(t.getProjectId() == null ? null : names.get(t.getProjectId())))
                .toList();
    }

    /** Revokes a token at once. Someone else's token is "not found" unless the caller is an administrator. */
    public void revoke(UUID tokenId) {
        AnnalsPrincipal me = CurrentUser.require();
        AccessToken token = tokens.findById(tokenId)
                .filter(t -> t.getUserId().equals(me.userId()) || me.isAdmin())
                .orElseThrow(() -> new NotFoundException("Token"));
        token.revoke(Instant.now());
        log.info("Access token {} revoked by '{}'", tokenId, me.getUsername());
    }

    private static Instant expiry(@Nullable LocalDate expiresOn, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        if (expiresOn == null) {
            throw new InvalidInputException("Give the token an expiry date, at most a year ahead.");
        }
        if (expiresOn.isBefore(today)) {
            throw new InvalidInputException("The expiry date has passed; choose a date from today on.");
        }
        // Tokens must expire: a forgotten token in an old script should not work forever.
        if (expiresOn.isAfter(today.plusYears(1))) {
            throw new InvalidInputException("A token may be valid for at most a year; choose an earlier expiry date.");
        }
        return expiresOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String validName(@Nullable String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("Give the token a name that says where it is used, e.g. \"nightly export\".");
        }
        if (trimmed.length() > AccessToken.NAME_MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + AccessToken.NAME_MAX_LENGTH + " characters for the name.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The name must not contain control characters.");
        }
        return trimmed;
    }
}
