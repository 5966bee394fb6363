package org.annals.review.ui;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The pure part of carrying a person's values over a change approved while they were editing: per
 * field, the value they started from ({@code base}), the newly approved one ({@code theirs}) and
 * their own ({@code mine}). By default a field keeps the person's value where they changed it and takes
 * the approved one where they did not, so nothing they typed is lost and nothing approved is undone
 * by accident.
 */
public final class ThreeWayMerge {

    private ThreeWayMerge() {
    }

    /** Which value a field ends up with. */
    public enum Choice {
        MINE, THEIRS
    }

    /**
     * One field compared three ways. {@code key} says when two values are the same (an entity picked
     * from a list is the same entity whatever its label was read as).
     */
    public record Field<V>(String label, @Nullable V base, @Nullable V theirs, @Nullable V mine,
            Function<? super V, ?> key) {

        public boolean changedByMe() {
            return !same(base, mine);
        }

        public boolean changedByThem() {
            return !same(base, theirs);
        }

        /** Both changed it, differently: the person must look (the default keeps theirs, i.e. their own). */
        public boolean conflicting() {
            return changedByMe() && changedByThem() && !same(mine, theirs);
        }

        /** Worth showing in a comparison: someone changed it. */
        public boolean changed() {
            return changedByMe() || changedByThem();
        }

        public Choice defaultChoice() {
            return changedByMe() ? Choice.MINE : Choice.THEIRS;
        }

        public @Nullable V value(Choice choice) {
            return choice == Choice.MINE ? mine : theirs;
        }

        private boolean same(@Nullable V a, @Nullable V b) {
            return Objects.equals(a == null ? null : key.apply(a), b == null ? null : key.apply(b));
        }
    }

    /** The default choice for each field, in order. */
    public static List<Choice> defaults(List<? extends Field<?>> fields) {
        return fields.stream().map(Field::defaultChoice).map(c -> (Choice) c).toList();
    }
}
