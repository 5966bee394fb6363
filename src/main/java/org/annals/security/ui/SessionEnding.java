package org.annals.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.WrappedSession;
import org.annals.security.RightsChangedException.Reason;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

/**
 * Ends a person's signed-in session in one browser and sends the page to the sign-in page, which
 * says why. The reason travels as a fixed name in the address, never as text, so nobody can make the
 * sign-in page say something else.
 */
public final class SessionEnding {

    private SessionEnding() {
    }

    /**
     * Forgets who is signed in in this page's HTTP session (every later request of any of its pages is
     * anonymous, so it meets the sign-in page) and moves the page there. Call with the UI's session
     * locked: from a click, or inside {@code ui.access}.
     */
    public static void end(UI ui, Reason reason) {
        signOut(ui);
        ui.getPage().setLocation(address(reason));
    }

    /** Forgets who is signed in in the page's HTTP session, without moving the page (navigation does that). */
    public static void signOut(UI ui) {
        WrappedSession session = ui.getSession() == null ? null : ui.getSession().getSession();
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
    }

    /** Where a page goes when its session ended for this reason: the sign-in page, which says why. */
    public static String address(Reason reason) {
        return SignInNotice.address(reason);
    }
}
