package org.annals.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a page shows when it has nothing yet: what is missing and what to do next. */
public final class EmptyState extends Div {

    public EmptyState(VaadinIcon icon, String title, String nextStep, Component... actions) {
        addClassName("empty-state");
        var symbol = icon.create();
        symbol.addClassName("empty-state-icon");
        add(symbol, new H3(title), new Paragraph(nextStep));
        add(actions);
    }
}
