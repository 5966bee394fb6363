package org.annals.review.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One field of a record form, bound for a three-way comparison: how to read it from a record
 * ({@code of}), how to read and set what the form holds now, how to show a value, and when two values
 * are the same.
 *
 * @param <R> what the form edits (a vetted record as its page shows it, or a proposal's values)
 * @param <V> the field's value as the form's component holds it
 */
public record FormField<R, V>(String label, Function<R, @Nullable V> of, Supplier<@Nullable V> read,
        Consumer<@Nullable V> write, Function<V, String> display, Function<? super V, ?> key) {

    /** A field whose values are compared as they are. */
    public static <R, V> FormField<R, V> of(String label, Function<R, @Nullable V> of, Supplier<@Nullable V> read,
            Consumer<@Nullable V> write, Function<V, String> display) {
        return new FormField<>(label, of, read, write, display, v -> v);
    }

    ThreeWayMerge.Field<V> compare(R base, R theirs) {
        return new ThreeWayMerge.Field<>(label, of.apply(base), of.apply(theirs), read.get(), key);
    }

    String show(@Nullable V value) {
        if (value == null) {
            return "—";
        }
        String text = display.apply(value);
        return text.isBlank() ? "—" : text;
    }

    /** Sets the form to the value of this field that the person chose. */
    void carry(ThreeWayMerge.Field<V> field, ThreeWayMerge.Choice choice) {
        if (choice == ThreeWayMerge.Choice.THEIRS) {
            write.accept(field.theirs());
        }
    }
}
