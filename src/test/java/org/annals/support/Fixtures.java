package org.annals.support;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.annals.account.AccountService;
import org.annals.account.AdminBootstrapProperties;
import org.annals.project.ProjectRole;
import org.annals.project.ProjectService;
import org.annals.security.AnnalsPrincipal;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Builds users and projects through the real services, and runs code as a given user. Names are
 * unique per call, so tests that share a Spring context never collide.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "quiet-harbour-lantern-917";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final AccountService accounts;
    private final ProjectService projects;
    private final UserDetailsService userDetails;
    private final String adminUsername;
    private final org.annals.source.SourceImportService imports;

    Fixtures(AccountService accounts, ProjectService projects, UserDetailsService userDetails,
            AdminBootstrapProperties admin, org.annals.source.SourceImportService imports) {
        this.imports = imports;
        this.accounts = accounts;
        this.projects = projects;
        this.userDetails = userDetails;
        this.adminUsername = admin.username().toLowerCase(Locale.ROOT);
    }

    public static String uniqueName(String prefix) {
        return (prefix + "-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 6))
                .toLowerCase(Locale.ROOT);
    }

    /** The principal of an existing account, as sign-in would build it. */
    public AnnalsPrincipal principal(String username) {
        return (AnnalsPrincipal) userDetails.loadUserByUsername(username);
    }

    public AnnalsPrincipal admin() {
        return principal(adminUsername);
    }

    public AnnalsPrincipal newUser(String prefix) {
        String name = uniqueName(prefix);
        as(admin(), () -> accounts.createUser(name, "", PASSWORD, false));
        return principal(name);
    }

    /** A fresh project managed by a fresh manager. */
    public UUID newProject(AnnalsPrincipal manager) {
        return as(manager, () -> projects.create(uniqueName("project"), "made by a test").id());
    }


    /** A source of plain paragraphs (one passage each), imported by the user. */
    public UUID newSource(UUID projectId, AnnalsPrincipal user, String title, String... paragraphs) {
        return newSource(projectId, user, org.annals.source.SourceMetadata.titled(title), paragraphs);
    }

    /** A source of plain paragraphs with its published date (what relative dates in it are read against). */
    public UUID newSource(UUID projectId, AnnalsPrincipal user, String title, java.time.LocalDate publishedOn,
            String... paragraphs) {
        return newSource(projectId, user,
                new org.annals.source.SourceMetadata(title, null, null, null, publishedOn, null, "en", null), paragraphs);
    }

    /** A source of plain paragraphs with all its metadata (address, author, licence and so on). */
    public UUID newSource(UUID projectId, AnnalsPrincipal user, org.annals.source.SourceMetadata metadata,
            String... paragraphs) {
        var blocks = java.util.Arrays.stream(paragraphs)
                .map(p -> org.annals.source.parse.DraftBlock.of(org.annals.source.parse.BlockKind.PARAGRAPH, p)).toList();
        return as(user, () -> imports.importSource(projectId, new org.annals.source.ImportRequest(metadata,
                org.annals.source.parse.SourceFormat.PLAIN_TEXT, blocks, null, null, true)).sourceId());
    }

    public void addMember(UUID projectId, AnnalsPrincipal user, ProjectRole role) {
        as(admin(), () -> projects.addMember(projectId, user.getUsername(), role));
    }

    public static <T> T as(AnnalsPrincipal user, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void as(AnnalsPrincipal user, Runnable action) {
        as(user, () -> {
            action.run();
            return null;
        });
    }

    public static <T> T anonymously(Supplier<T> action) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.clearContext();
        try {
            return action.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
