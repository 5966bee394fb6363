package org.annals.review.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a form's values with a newly approved version of its record, field by field: what the
 * person started from, what was approved, and their own value, with a choice per field (by default
 * their own where they changed it, the approved one where they did not). "Carry over" sets the form
 * to the chosen values; closing the dialog changes nothing. Values are shown as text, never as HTML.
 */
public final class CompareDialog<R> extends Dialog {

    static final String YOURS = "Yours";
    static final String APPROVED = "Approved";

    private final List<Row<R, ?>> rows = new ArrayList<>();

    private record Row<R, V>(FormField<R, V> field, ThreeWayMerge.Field<V> values, RadioButtonGroup<String> choice) {
        void carry() {
            field.carry(values, YOURS.equals(choice.getValue()) ? ThreeWayMerge.Choice.MINE : ThreeWayMerge.Choice.THEIRS);
        }
    }

    /**
     * @param base the record the form started from
     * @param theirs the record as approved now
     * @param carriedOver runs after the form holds the chosen values (the form then bases itself on {@code theirs})
     */
    public CompareDialog(String who, List<FormField<R, ?>> fields, R base, R theirs, Runnable carriedOver) {
        setHeaderTitle("Compare with the approved version");
        setWidth("min(95vw, 60rem)");
        addClassName("compare-dialog");
        add(new Paragraph(who + " For each field, choose which value your proposal keeps. Your own values are"
                + " kept where you changed them; the approved values are taken where you did not."));
        var table = new Div();
        table.addClassName("compare-table");
        table.add(head("Field"), head("You started from"), head("Approved now"), head("Yours"), head("Keep"));
        for (FormField<R, ?> field : fields) {
            addRow(table, field, base, theirs);
        }
        if (rows.isEmpty()) {
            add(new Paragraph("Neither you nor the approved change touched any field of this form: carrying over"
                    + " only bases your proposal on the new version."));
        } else {
            add(table);
        }
        var carry = new Button("Carry over", e -> {
            rows.forEach(Row::carry);
            close();
            carriedOver.run();
        });
        carry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Not now", e -> close()), carry);
    }

    private <V> void addRow(Div table, FormField<R, V> field, R base, R theirs) {
        ThreeWayMerge.Field<V> values = field.compare(base, theirs);
        if (!values.changed()) {
            return;
        }
        var choice = new RadioButtonGroup<String>();
        choice.setItems(YOURS, APPROVED);
        choice.setValue(values.defaultChoice() == ThreeWayMerge.Choice.MINE ? YOURS : APPROVED);
        choice.getElement().setAttribute("aria-label", "Keep for " + field.label());
        var label = cell(field.label(), "compare-field");
        if (values.conflicting()) {
            label.addClassName("compare-conflict");
            label.getElement().setAttribute("title", "Both you and the approved change changed this field");
        }
        table.add(label, cell(field.show(values.base()), "compare-base"), cell(field.show(values.theirs()),
                "compare-theirs"), cell(field.show(values.mine()), "compare-mine"), choice);
        rows.add(new Row<>(field, values, choice));
    }

    private static Span head(String text) {
        return cell(text, "compare-head");
    }

    private static Span cell(String text, String className) {
        var span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
