package org.annals.review.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.annals.review.ui.ThreeWayMerge.Choice;
import org.annals.review.ui.ThreeWayMerge.Field;
import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    private static Field<String> text(String base, String theirs, String mine) {
        return new Field<>("Title", base, theirs, mine, v -> v);
    }

    @Test
    void a_field_only_the_person_changed_keeps_their_value() {
        var field = text("Battle of Aleppo", "Battle of Aleppo", "Aleppo offensive");
        assertThat(field.changedByMe()).isTrue();
        assertThat(field.changedByThem()).isFalse();
        assertThat(field.conflicting()).isFalse();
        assertThat(field.defaultChoice()).isEqualTo(Choice.MINE);
        assertThat(field.value(field.defaultChoice())).isEqualTo("Aleppo offensive");
    }

    @Test
    void a_field_only_the_approved_change_touched_takes_the_approved_value() {
        var field = text("12", "14", "12");
        assertThat(field.changedByThem()).isTrue();
        assertThat(field.defaultChoice()).isEqualTo(Choice.THEIRS);
        assertThat(field.value(field.defaultChoice())).isEqualTo("14");
    }

    @Test
    void a_field_both_changed_differently_is_a_conflict_that_keeps_the_persons_value_unless_they_choose() {
        var field = text("12", "14", "20");
        assertThat(field.conflicting()).isTrue();
        assertThat(field.defaultChoice()).isEqualTo(Choice.MINE);
        assertThat(field.value(Choice.THEIRS)).isEqualTo("14");
    }

    @Test
    void a_field_both_changed_the_same_way_is_no_conflict() {
        var field = text("12", "14", "14");
        assertThat(field.conflicting()).isFalse();
        assertThat(field.value(field.defaultChoice())).isEqualTo("14");
    }

    @Test
    void a_field_nobody_changed_is_not_worth_showing() {
        assertThat(text("Hama", "Hama", "Hama").changed()).isFalse();
    }

    @Test
    void values_are_compared_by_their_key_so_the_same_entities_read_differently_are_the_same() {
        UUID aleppo = UUID.randomUUID();
        record Pick(UUID id, String label) {
        }
        var field = new Field<Set<Pick>>("Actors", Set.of(new Pick(aleppo, "Aleppo")),
                Set.of(new Pick(aleppo, "Aleppo (city)")), Set.of(new Pick(aleppo, "")),
                v -> v.stream().map(Pick::id).collect(java.util.stream.Collectors.toSet()));
        assertThat(field.changed()).isFalse();
    }

    @Test
    void empty_and_missing_values_count_as_values() {
        var cleared = new Field<String>("End", "2024-12-05", "2024-12-05", null, v -> v);
        assertThat(cleared.changedByMe()).isTrue();
        assertThat(cleared.value(cleared.defaultChoice())).isNull();
        var added = new Field<String>("End", null, "2024-12-06", null, v -> v);
        assertThat(added.defaultChoice()).isEqualTo(Choice.THEIRS);
    }

    @Test
    void defaults_are_given_per_field_in_order() {
        assertThat(ThreeWayMerge.defaults(List.of(text("a", "b", "a"), text("a", "a", "c"), text("a", "b", "c"))))
                .containsExactly(Choice.THEIRS, Choice.MINE, Choice.MINE);
    }
}
