package org.annals.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.annals.security.CurrentUser;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a person types into a dialog's form, kept safe: a copy in the browser's local storage on every
 * keystroke until the server has it (Vaadin holds form values on the server, which a lost connection
 * or an expired session would throw away), offered back when the page that opens the form is opened
 * again; and {@code Esc} or a click outside asks before throwing typed work away.
 *
 * <p>Text the person types is copied by the browser itself (it works while the server is out of
 * reach); choices in lists are copied when the server hears of them. The copy belongs to the signed-in
 * person: its key holds their id, it is never offered to anyone else, it is removed when they sign out,
 * and the copies of other people are removed when someone signs in on the same browser.
 */
public final class TypedWork {

    /** Attributes by which the browser finds a form's text fields: the form's key and the field's name. */
    static final String FORM_ATTRIBUTE = "data-stash-form";
    static final String FIELD_ATTRIBUTE = "data-stash";
    private static final String PREFIX = "annals-draft:";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The UI's data key of the forms open in it (a live redraw of a page must not open a kept form twice). */
    private static final String OPEN_FORMS = TypedWork.class.getName() + ".open";

    private final Dialog dialog;
    /** Null for a form whose page cannot offer it back: then it is only guarded against {@code Esc}. */
    private final @Nullable String key;
    private final List<HasValue<?, ?>> fields = new ArrayList<>();
    private final Map<HasValue<?, ?>, @Nullable Object> initial = new HashMap<>();
    private boolean watching;
    private boolean baselineTaken;

    /**
     * Keeps the typed work of {@code dialog}, named {@code form} (unique to what the form is about, for
     * example {@code event:<project>:<event>}), and asks before {@code Esc} or a click outside closes it.
     * With a null {@code form} nothing is kept in the browser (no page would offer it back): Esc still asks.
     */
    public TypedWork(Dialog dialog, @Nullable String form) {
        this.dialog = dialog;
        this.key = form == null ? null : key(form);
        dialog.addDialogCloseActionListener(e -> closeAsked());
        // Closed on purpose (saved, cancelled, discarded): the browser's copy is no longer needed.
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                finished();
            }
            dialog.getUI().ifPresent(ui -> openForms(ui, e.isOpened()));
        });
        dialog.addAttachListener(e -> openForms(e.getUI(), dialog.isOpened()));
        dialog.addDetachListener(e -> openForms(e.getUI(), false));
    }

    /** Keeps the UI's set of open forms current: a form that is open is not offered back a second time. */
    private void openForms(UI ui, boolean open) {
        if (key == null) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> forms = (Set<String>) ComponentUtil.getData(ui, OPEN_FORMS);
        if (forms == null) {
            forms = new HashSet<>();
            ComponentUtil.setData(ui, OPEN_FORMS, forms);
        }
        if (open) {
            forms.add(key);
        } else {
            forms.remove(key);
        }
    }

    private static boolean isOpen(UI ui, String key) {
        Object forms = ComponentUtil.getData(ui, OPEN_FORMS);
        return forms instanceof Set<?> open && open.contains(key);
    }

    /**
     * Only asks before {@code Esc} or a click outside throws away what was typed into {@code fields} of a
     * small dialog (a message, a name): nothing is kept in the browser. Call it once the fields are filled.
     */
    public static void guard(Dialog dialog, HasValue<?, ?>... fields) {
        var work = new TypedWork(dialog, null);
        for (int i = 0; i < fields.length; i++) {
            work.text(fields[i], "field-" + i);
        }
        work.baseline();
    }

    /** A field whose text the browser copies as it is typed (text fields and areas, date and time pickers). */
    public TypedWork text(HasValue<?, ?> field, String name) {
        Component component = (Component) field;
        if (key != null) {
            component.getElement().setAttribute(FORM_ATTRIBUTE, key);
        }
        component.getElement().setAttribute(FIELD_ATTRIBUTE, name);
        fields.add(field);
        return this;
    }

    /** A choice (a list, a picker) copied by its {@code key} when the server hears of it. */
    public <V> TypedWork choice(HasValue<?, V> field, String name, Function<V, String> keyOf) {
        fields.add(field);
        field.addValueChangeListener(e -> {
            if (watching) {
                V value = e.getValue();
                put(name, value == null || value instanceof java.util.Collection<?> c && c.isEmpty() ? "" : keyOf.apply(value));
            }
        });
        return this;
    }

    /**
     * What the fields hold now counts as nothing typed (the form's starting values): call it once the form
     * is filled, before {@link #restore(Map, Consumer) restoring} kept work, which does count as typed.
     */
    public void baseline() {
        fields.forEach(f -> initial.put(f, f.getValue()));
        baselineTaken = true;
    }

    /**
     * Starts keeping what is typed from now on. Call it when the dialog opens (after restoring, if it
     * did). {@code context} is kept with the fields, for the page that offers the form back.
     */
    public void start(Map<String, String> context) {
        if (!baselineTaken) {
            baseline();
        }
        watching = true;
        String key = this.key;
        if (key == null) {
            return;
        }
        ObjectNode base = JSON.createObjectNode();
        context.forEach(base::put);
        dialog.getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent())).ifPresent(ui ->
                ui.getPage().executeJs("""
                        const key = $0, base = JSON.parse($1);
                        const all = window.__annalsStash = window.__annalsStash || {};
                        const write = () => {
                          if (all[key] !== write) return; // finished (saved or discarded) in the meantime
                          let previous = {};
                          try { previous = JSON.parse(localStorage.getItem(key) || '{}').fields || {}; } catch (e) { }
                          // Hidden fields are not in the page; what was typed in them before stays in the copy.
                          const fields = {...previous};
                          document.querySelectorAll('[data-stash-form="' + CSS.escape(key) + '"]')
                              .forEach(f => { fields[f.getAttribute('data-stash')] = f.value ?? ''; });
                          try { localStorage.setItem(key, JSON.stringify({...base, fields, savedAt: Date.now()})); } catch (e) { }
                        };
                        if (all[key]) {
                          document.removeEventListener('input', all[key]);
                          document.removeEventListener('change', all[key]);
                        }
                        // Listening as the event bubbles up: by then the field has its new value, and the copy is
                        // written before anything else (a reload a millisecond later included) can happen.
                        all[key] = write;
                        document.addEventListener('input', write);
                        document.addEventListener('change', write);
                        write();
                        """, key, JSON.writeValueAsString(base)));
    }

    /** Whether anything differs from what the form held when it started keeping typed work. */
    public boolean hasTypedWork() {
        return fields.stream().anyMatch(f -> !Objects.equals(normal(initial.get(f)), normal(f.getValue())));
    }

    /** Forgets the browser's copy: the server has the values, or the person discarded them on purpose. */
    public void finished() {
        watching = false;
        String key = this.key;
        if (key != null) {
            dialog.getUI().or(() -> java.util.Optional.ofNullable(UI.getCurrent())).ifPresent(ui -> forget(ui, key));
        }
    }

    /** Puts back text kept for {@code name}; {@code choices} puts back the choices it can. */
    public void restore(Map<String, String> kept, Consumer<Map<String, String>> choices) {
        for (HasValue<?, ?> field : fields) {
            String name = ((Component) field).getElement().getAttribute(FIELD_ATTRIBUTE);
            String value = name == null ? null : kept.get(name);
            if (value != null) {
                setText(field, value);
            }
        }
        choices.accept(kept);
    }

    @SuppressWarnings("unchecked")
    private static void setText(HasValue<?, ?> field, String value) {
        try {
            if (field.getValue() instanceof String || field.getEmptyValue() instanceof String) {
                ((HasValue<?, String>) field).setValue(value);
            } else if (field instanceof com.vaadin.flow.component.datepicker.DatePicker date) {
                date.setValue(value.isBlank() ? null : java.time.LocalDate.parse(value));
            } else if (field instanceof com.vaadin.flow.component.timepicker.TimePicker time) {
                time.setValue(value.isBlank() ? null : java.time.LocalTime.parse(value));
            } else if (field instanceof com.vaadin.flow.component.textfield.NumberField number) {
                number.setValue(value.isBlank() ? null : Double.valueOf(value));
            }
        } catch (RuntimeException halfTyped) {
            // A value typed half way is not worth refusing the rest for.
        }
    }

    private void closeAsked() {
        if (!hasTypedWork()) {
            dialog.close();
            return;
        }
        var confirm = new ConfirmDialog("Discard what you typed?",
                "You have typed something in this form that is not saved yet.", "Discard", e -> dialog.close());
        confirm.setCancelable(true);
        confirm.setCancelText("Keep editing");
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void put(String name, String value) {
        if (key == null) {
            return;
        }
        dialog.getUI().ifPresent(ui -> ui.getPage().executeJs("""
                try {
                  const stored = JSON.parse(localStorage.getItem($0) || '{}');
                  stored.fields = {...(stored.fields || {}), [$1]: $2};
                  localStorage.setItem($0, JSON.stringify(stored));
                } catch (e) { }
                """, key, name, value));
    }

    private static @Nullable Object normal(@Nullable Object value) {
        return value == null || "".equals(value) || value instanceof java.util.Collection<?> c && c.isEmpty() ? null : value;
    }

    /** The signed-in person's key for a form. */
    static String key(String form) {
        UUID me = CurrentUser.require().userId();
        return PREFIX + me + ":" + form;
    }

    /**
     * Offers back typed work kept for the form (after a reload or an expired session): {@code found} gets
     * the context given to {@link #start} and the fields, if the signed-in person left any.
     */
    public static void offer(UI ui, String form, Consumer<Kept> found) {
        offerEach(ui, form, kept -> {
            if (kept.form().equals(form)) {
                found.accept(kept);
            }
        });
    }

    /** The same for every form whose name starts with {@code formPrefix} (one page, many records). */
    public static void offerEach(UI ui, String formPrefix, Consumer<Kept> found) {
        String prefix = key(formPrefix);
        String mine = key("");
        ui.getPage().executeJs("""
                try {
                  return JSON.stringify(Object.keys(localStorage).filter(k => k.startsWith($0))
                      .map(k => ({key: k, value: localStorage.getItem(k)})));
                } catch (e) { return '[]'; }
                """, prefix).then(String.class, json -> {
                    for (JsonNode entry : JSON.readTree(json)) {
                        String key = entry.path("key").asString("");
                        if (isOpen(ui, key)) {
                            // The form is open on this page already (the page was redrawn while it was typed in).
                            continue;
                        }
                        try {
                            JsonNode stored = JSON.readTree(entry.path("value").asString("{}"));
                            Map<String, String> context = new LinkedHashMap<>();
                            Map<String, String> fields = new LinkedHashMap<>();
                            stored.properties().forEach(p -> {
                                if (!p.getKey().equals("fields") && p.getValue().isValueNode()) {
                                    context.put(p.getKey(), p.getValue().asString(""));
                                }
                            });
                            stored.path("fields").properties()
                                    .forEach(f -> fields.put(f.getKey(), f.getValue().asString("")));
                            found.accept(new Kept(key.substring(mine.length()), context, fields));
                        } catch (RuntimeException unreadable) {
                            forget(ui, key);
                        }
                    }
                }, error -> { });
    }

    /** Tells the person that the form just opened holds what they had typed before. */
    public static void announceRestored(String what) {
        com.vaadin.flow.component.notification.Notification.show("Your unsaved " + what
                + " was kept in this browser; here it is again.", 5000,
                com.vaadin.flow.component.notification.Notification.Position.BOTTOM_START);
    }

    /** What was kept of a form: its name, the context its page needs to open it again, and the fields. */
    public record Kept(String form, Map<String, String> context, Map<String, String> fields) {
    }

    private static void forget(UI ui, String key) {
        ui.getPage().executeJs("""
                const all = window.__annalsStash || {};
                if (all[$0]) {
                  document.removeEventListener('input', all[$0]);
                  document.removeEventListener('change', all[$0]);
                  delete all[$0];
                }
                try { localStorage.removeItem($0); } catch (e) { }
                """, key);
    }

    /** At sign-out: every copy in this browser goes (a shared computer shows the next person nothing). */
    static void forgetAll(UI ui) {
        ui.getPage().executeJs("""
                try {
                  Object.keys(localStorage).filter(k => k.startsWith($0)).forEach(k => localStorage.removeItem(k));
                } catch (e) { }
                """, PREFIX);
    }

    /** When someone signs in: copies another person left in this browser go, theirs stay for them. */
    static void forgetOthers(UI ui) {
        var me = CurrentUser.get();
        if (me.isEmpty()) {
            return;
        }
        String mine = PREFIX + me.get().userId() + ":";
        ui.getPage().executeJs("""
                try {
                  Object.keys(localStorage).filter(k => k.startsWith($0) && !k.startsWith($1))
                      .forEach(k => localStorage.removeItem(k));
                } catch (e) { }
                """, PREFIX, mine);
    }
}
