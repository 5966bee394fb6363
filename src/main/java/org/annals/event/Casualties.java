package org.annals.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * A casualty figure as people count them: killed, injured, or both together; of everyone, or of civilians or
 * combatants; a number (minimum = maximum) or a range; exact, "at least" or "about".
 */
public record Casualties(CasualtyCategory category, CasualtyParty party, int minimum, int maximum,
        CountQualifier qualifier) {

    /** Larger figures are typing mistakes, not casualty counts of one event. */
    public static final int MAX = 10_000_000;

    public Casualties {
        if (category == null) {
            throw new InvalidInputException("Say what the figure counts: killed, injured, or killed and injured.");
        }
        party = party == null ? CasualtyParty.ALL : party;
        qualifier = qualifier == null ? CountQualifier.EXACTLY : qualifier;
        if (minimum < 0 || maximum < 0) {
            throw new InvalidInputException("A casualty figure cannot be negative.");
        }
        if (maximum < minimum) {
            throw new InvalidInputException("A range of casualties runs from the lower to the higher number: "
                    + minimum + "–" + maximum + " is inverted.");
        }
        if (maximum > MAX) {
            throw new InvalidInputException("A casualty figure above " + String.format(Locale.ROOT, "%,d", MAX)
                    + " is not accepted: check the number.");
        }
    }

    /**
     * Reads a figure as clients send it: a single number may give {@code minimum} alone; party and qualifier may be
     * left out (everyone, exactly).
     */
    @JsonCreator
    static Casualties fromJson(@JsonProperty("category") CasualtyCategory category,
            @JsonProperty("party") @Nullable CasualtyParty party, @JsonProperty("minimum") @Nullable Integer minimum,
            @JsonProperty("maximum") @Nullable Integer maximum,
            @JsonProperty("qualifier") @Nullable CountQualifier qualifier) {
        if (minimum == null) {
            throw new InvalidInputException("A casualty figure needs its number (the minimum of a range).");
        }
        return new Casualties(category, party, minimum, maximum == null ? minimum : maximum, qualifier);
    }

    public static Casualties killed(int count) {
        return new Casualties(CasualtyCategory.KILLED, CasualtyParty.ALL, count, count, CountQualifier.EXACTLY);
    }

    /** The kind of count: figures of the same group compete, figures of different groups do not. */
    public Group group() {
        return new Group(category, party);
    }

    /** "at least 30–40"; "12". */
    public String figure() {
        return qualifier.prefix() + (minimum == maximum ? Integer.toString(minimum) : minimum + "–" + maximum);
    }

    /** "at least 30 civilians killed", "40–60 killed and injured". */
    public String display() {
        return figure() + " " + group().display();
    }

    /** What a casualty figure counts: killed civilians, injured of any party, and so on. */
    public record Group(CasualtyCategory category, CasualtyParty party) {

        /** "civilians killed", "killed". */
        public String display() {
            return (party.words().isEmpty() ? "" : party.words() + " ") + category.words();
        }
    }
}
