package org.annals.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The look shared by the not-found, access-denied and internal-error pages. */
abstract class ErrorPage extends VerticalLayout {

    ErrorPage() {
        addClassName("error-page");
        setAlignItems(Alignment.CENTER);
    }

    protected void show(String title, String explanation) {
        removeAll();
        add(new H2(title), new Paragraph(explanation), new Anchor("", "Go to your projects"));
    }
}
