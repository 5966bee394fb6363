package org.annals.account.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.annals.security.CurrentUser;
import org.annals.security.SessionStanding;
import org.annals.security.ui.SessionEnding;
import org.springframework.stereotype.Component;

/**
 * Ends the session at the next navigation once an administrator has disabled the account or changed
 * its administrator right, before the page is built (Vaadin's route check reads the roles the session
 * was granted). Clicks are covered by every service's own check (decision 0019), and open pages are
 * told at once through push ({@code SignedInPages}); this catches a page opened by address.
 */
@Component
class ActiveAccountGuard implements VaadinServiceInitListener {

    private final SessionStanding standing;

    ActiveAccountGuard(SessionStanding standing) {
        this.standing = standing;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter ->
                CurrentUser.get().flatMap(standing::lapse).ifPresent(reason -> {
                    SessionEnding.signOut(UI.getCurrent());
                    enter.forwardToUrl(SessionEnding.address(reason));
                })));
    }
}
