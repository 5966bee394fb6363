package org.annals.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;
import org.annals.base.NotFoundException;

/** A record (a project, say) that does not exist or that the user is not allowed to know about. */
@ParentLayout(MainLayout.class)
@PermitAll
public class RecordNotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        show("Not found", "This does not exist, or you do not have access to it."
                + " If you expected to see a project here, ask one of its managers to add you.");
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
