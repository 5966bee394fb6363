package org.annals.search.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The search box in the shell's header while a project is open: Enter opens the project's results page,
 * {@code /} anywhere (but in a field being typed in) puts the cursor in it. On a phone-sized screen it is
 * an icon button that opens the field over the header (styles.css).
 */
public final class ShellSearch extends Div {

    /**
     * One listener per page: {@code /} outside anything that takes text focuses the box (or, where the box
     * is collapsed, presses its button, which opens and focuses it). It looks the box up when the key is
     * pressed, so it survives the header being rebuilt.
     */
    private static final String SLASH_FOCUSES = """
            if (!window.annalsSlashSearch) {
              window.annalsSlashSearch = true;
              document.addEventListener('keydown', e => {
                if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
                const target = e.composedPath()[0];
                if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
                const box = document.querySelector('.shell-search');
                if (!box || box.hidden) return;
                if (document.querySelector('vaadin-dialog-overlay[opened]')) return;
                e.preventDefault();
                const opener = box.querySelector('.shell-search-open');
                // Shown or not by a media query; offsetParent would not tell inside the fixed header.
                if (opener && opener.getClientRects().length > 0) {
                  opener.click();
                } else {
                  box.querySelector('vaadin-text-field').focus();
                }
              });
            }
            """;

    final TextField field = new TextField();
    final Button opener = new Button(VaadinIcon.SEARCH.create());
    private @Nullable UUID projectId;

    public ShellSearch() {
        addClassName("shell-search");
        field.addClassName("shell-search-field");
        field.setPlaceholder("Search (press /)");
        field.setAriaLabel("Search this project");
        field.setPrefixComponent(VaadinIcon.SEARCH.create());
        field.setClearButtonVisible(true);
        field.addKeyPressListener(Key.ENTER, e -> open());
        field.addKeyDownListener(Key.ESCAPE, e -> close());
        field.addBlurListener(e -> {
            if (field.isEmpty()) {
                close();
            }
        });
        opener.addClassName("shell-search-open");
        opener.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        opener.setAriaLabel("Search this project");
        opener.addClickListener(e -> {
            addClassName("open");
            field.focus();
        });
        add(opener, field);
        setVisible(false);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        event.getUI().getPage().executeJs(SLASH_FOCUSES);
    }

    /** Shows the box for searching this project ({@code null}: the page is not in a project, no box). */
    public void follow(@Nullable UUID project) {
        this.projectId = project;
        setVisible(project != null);
        if (project == null) {
            field.clear();
        }
    }

    /** Opens the results page for the words typed (nothing typed: nothing happens). */
    private void open() {
        String words = field.getValue().strip();
        if (projectId == null || words.isEmpty()) {
            return;
        }
        UUID project = projectId;
        field.clear();
        close();
        getUI().ifPresent(ui -> ui.navigate(SearchView.path(project), QueryParameters.simple(Map.of(SearchLinks.WORDS,
                words))));
    }

    private void close() {
        removeClassName("open");
    }
}
