package org.annals.account.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.annals.account.AccountService;
import org.annals.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Signs a user out at their next navigation once an administrator has disabled their account or
 * changed their global role, so neither a disabled account nor a revoked ADMIN role lives on in an
 * open session. (Services also check the database for project roles on every call.)
 */
@Component
class ActiveAccountGuard implements VaadinServiceInitListener {

    private final AccountService accounts;
    private final AuthenticationContext authentication;

    ActiveAccountGuard(AccountService accounts, AuthenticationContext authentication) {
        this.accounts = accounts;
        this.authentication = authentication;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(enter ->
                CurrentUser.get().filter(user -> !accounts.isSessionStillValid(user)).ifPresent(user -> authentication.logout())));
    }
}
