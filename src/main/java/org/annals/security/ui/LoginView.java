package org.annals.security.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpSession;
import org.annals.security.RightsChangedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;

/** The sign-in page. Spring Security handles the form post; this view explains a failure. */
@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Annals")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView() {
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var tagline = new Paragraph("Turn sources into a vetted, evidence-backed timeline.");
        tagline.addClassName("login-tagline");
        add(new H1("Annals"), tagline, form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var query = event.getLocation().getQueryParameters();
        var parameters = query.getParameters();
        if (parameters.containsKey("error")) {
            showFailure(lastFailure());
        } else if (parameters.containsKey("expired")) {
            showExpired();
        }
        query.getSingleParameter(SessionEnding.PARAMETER).flatMap(SessionEnding::reasonNamed)
                .ifPresent(this::showEnded);
    }

    /** A session that ended because an administrator changed the account: say so, in the form's message box. */
    private void showEnded(RightsChangedException.Reason reason) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("You have been signed out");
        i18n.getErrorMessage().setMessage(reason.message());
        form.setI18n(i18n);
        form.setError(true);
    }

    private void showFailure(Exception failure) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        if (failure instanceof LockedException) {
            error.setTitle("Sign-in paused");
            error.setMessage(failure.getMessage());
        } else if (failure instanceof DisabledException) {
            error.setTitle("Account disabled");
            error.setMessage(failure.getMessage());
        } else {
            error.setTitle("Incorrect user name or password");
            error.setMessage("Check that you entered the right user name and password and try again.");
        }
        form.setI18n(i18n);
        form.setError(true);
    }

    /** The form was posted without its valid token: open too long, or sent from another site. */
    private void showExpired() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getErrorMessage().setTitle("Sign-in form expired");
        i18n.getErrorMessage().setMessage("The sign-in form was open too long, or was not sent from this page."
                + " Enter your user name and password again.");
        form.setI18n(i18n);
        form.setError(true);
    }

    /** Spring Security leaves the reason for the last failure in the session; it is read once. */
    private static Exception lastFailure() {
        var request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getHttpServletRequest().getSession(false);
        if (session != null && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof Exception e) {
            session.removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            return e;
        }
        return new BadCredentialsException("unknown");
    }
}
