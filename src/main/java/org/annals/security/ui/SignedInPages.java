package org.annals.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.WrappedSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.annals.security.AccountRightsChanged;
import org.annals.security.AnnalsPrincipal;
import org.annals.security.CurrentUser;
import org.annals.security.SessionStanding;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open pages (Vaadin UIs) of each signed-in person on this node, so that a change of their rights
 * reaches them at once through server push: a disabled account or a changed administrator right ends
 * the session of every page (see {@link SessionEnding}); other features tell pages about smaller
 * changes (a project role) through {@link #forEachPageOf}. Pages on other nodes are not told in
 * advance; their next click is refused all the same, since every service checks the database.
 */
@Component
public class SignedInPages implements VaadinServiceInitListener {

    private final Map<UUID, Set<UI>> byPerson = new ConcurrentHashMap<>();
    private final SessionStanding standing;

    SignedInPages(SessionStanding standing) {
        this.standing = standing;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> CurrentUser.get().ifPresent(person -> {
            UI ui = init.getUI();
            byPerson.computeIfAbsent(person.userId(), id -> ConcurrentHashMap.newKeySet()).add(ui);
            ui.addDetachListener(detach -> forget(person.userId(), ui));
        }));
    }

    /** Runs the action in each of the person's open pages on this node, each with its session locked. */
    public void forEachPageOf(UUID userId, Consumer<UI> action) {
        for (UI ui : byPerson.getOrDefault(userId, Set.of())) {
            try {
                ui.access(() -> action.accept(ui));
            } catch (UIDetachedException gone) {
                forget(userId, ui);
            }
        }
    }

    /** Pages of the person open on this node (for tests and the decision record's measurements). */
    public int count(UUID userId) {
        return byPerson.getOrDefault(userId, Set.of()).size();
    }

    /**
     * Ends the sessions of the person's pages that no longer stand (all of them for a disabled
     * account; for a changed password all but the session the person changed it in).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void rightsChanged(AccountRightsChanged changed) {
        forEachPageOf(changed.userId(), ui -> {
            Optional<AnnalsPrincipal> signedIn = principalOf(ui);
            if (signedIn.isEmpty() || standing.lapse(signedIn.get()).isPresent()) {
                SessionEnding.end(ui, changed.reason());
            }
        });
    }

    private static Optional<AnnalsPrincipal> principalOf(UI ui) {
        WrappedSession session = ui.getSession() == null ? null : ui.getSession().getSession();
        Object context = session == null ? null
                : session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() != null
                && security.getAuthentication().getPrincipal() instanceof AnnalsPrincipal principal
                ? Optional.of(principal) : Optional.empty();
    }

    private void forget(UUID userId, UI ui) {
        byPerson.computeIfPresent(userId, (id, pages) -> {
            pages.remove(ui);
            return pages.isEmpty() ? null : pages;
        });
    }
}
