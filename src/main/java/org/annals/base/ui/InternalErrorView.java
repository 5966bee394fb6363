package org.annals.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** An unexpected failure while opening a page: logged with a reference, and only the reference is shown. */
@ParentLayout(MainLayout.class)
@PermitAll
public class InternalErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        show("Something went wrong", MainErrorHandler.messageFor(parameter.getCaughtException())
                + " Try again, and tell an administrator if it keeps happening.");
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
