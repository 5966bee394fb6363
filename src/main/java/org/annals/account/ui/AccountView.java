package org.annals.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.annals.account.AccountService;
import org.annals.account.UserSummary;

/** The signed-in user's own account: who they are and a form to change their password. */
@Route("account")
@PageTitle("Account · Annals")
@PermitAll
class AccountView extends VerticalLayout {

    AccountView(AccountService accounts) {
        addClassName("account-view");
        setMaxWidth("36em");
        UserSummary me = accounts.me();
        add(new H2("Your account"));
        add(new Paragraph("Signed in as " + me.label() + (me.admin() ? ", administrator." : ".")));

        add(new H3("Change password"));
        var current = new PasswordField("Current password");
        current.setWidthFull();
        var fresh = new PasswordFields();
        fresh.setWidthFull();
        var change = new Button("Change password", e -> {
            accounts.changeOwnPassword(current.getValue(), fresh.value());
            current.clear();
            fresh.clear();
            Notification.show("Your password was changed.").addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, fresh, change);
    }
}
