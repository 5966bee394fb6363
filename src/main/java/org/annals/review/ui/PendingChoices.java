package org.annals.review.ui;

import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.combobox.ComboBoxBase;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.annals.review.Pending;

/**
 * What every record picker offers (decision 0023): the vetted records first, page by page, then the
 * records proposed in the person's own drafts and submitted for review, marked "(draft)" or
 * "(proposed)" so that nobody mistakes them for vetted ones. One picker data provider for every form,
 * so the event form, the entity form and the link dialog offer and label pending records alike.
 *
 * @param <T> what the picker holds (an entity summary, a link candidate)
 */
public final class PendingChoices<T> {

    public static final String DRAFT = "(draft)";
    public static final String PROPOSED = "(proposed)";

    /** Vetted records matching the filter: the first {@code count} of them. */
    @FunctionalInterface
    public interface Vetted<T> {
        List<T> first(String filter, int count);
    }

    /** Pending records matching the filter, at most {@code count}. */
    @FunctionalInterface
    public interface Proposed<T> {
        List<Pending<T>> first(String filter, int count);
    }

    private final Function<T, Object> idOf;
    private final Vetted<T> vetted;
    private final Proposed<T> proposed;
    /** The marks of the pending records offered so far, by id: a chosen one keeps its mark. */
    private final Map<Object, String> marks = new ConcurrentHashMap<>();

    public PendingChoices(Function<T, Object> idOf, Vetted<T> vetted, Proposed<T> proposed) {
        this.idOf = idOf;
        this.vetted = vetted;
        this.proposed = proposed;
    }

    /** Makes the picker offer these items, labelled by {@code base} plus the marks. */
    public PendingChoices<T> offerIn(ComboBoxBase<?, T, ?> picker, ItemLabelGenerator<T> base) {
        picker.setItems(fetch());
        picker.setItemLabelGenerator(label(base));
        return this;
    }

    /** The picker's items for one query: vetted ones first, then the pending ones not already among them. */
    public CallbackDataProvider.FetchCallback<T, String> fetch() {
        return query -> items(query.getFilter().orElse(""), query.getOffset(), query.getLimit()).stream();
    }

    /** Items {@code offset} to {@code offset + limit} of everything offered for this filter. */
    public List<T> items(String filter, int offset, int limit) {
        int wanted = offset + limit;
        List<T> all = new ArrayList<>(vetted.first(filter, wanted));
        if (all.size() < wanted) {
            Set<Object> seen = new HashSet<>();
            all.forEach(item -> seen.add(idOf.apply(item)));
            for (Pending<T> pending : proposed.first(filter, wanted - all.size())) {
                Object id = idOf.apply(pending.item());
                if (seen.add(id)) {
                    marks.put(id, mark(pending.draft()));
                    all.add(pending.item());
                }
            }
        }
        return all.subList(Math.min(offset, all.size()), Math.min(wanted, all.size()));
    }

    /** The base label, followed by "(draft)" or "(proposed)" for a record that is not vetted. */
    public ItemLabelGenerator<T> label(ItemLabelGenerator<T> base) {
        return item -> {
            String mark = marks.get(idOf.apply(item));
            return mark == null ? base.apply(item) : base.apply(item) + " " + mark;
        };
    }

    /** How a pending record is marked in a list. */
    public static String mark(boolean draft) {
        return draft ? DRAFT : PROPOSED;
    }
}
