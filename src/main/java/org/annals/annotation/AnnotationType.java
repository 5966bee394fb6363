package org.annals.annotation;

import java.util.Locale;
import org.annals.entity.EntityRecordType;
import org.annals.event.ClaimField;
import org.annals.event.EventRecordType;
import org.jspecify.annotations.Nullable;

/**
 * What a marked span is. Mentions must link to a record of their kind; dates, figures and claims may
 * link to an event or an entity, or to nothing yet. Colours are chosen to stay apart for the common
 * forms of colour blindness; the key is the editor's shortcut.
 */
public enum AnnotationType {
    EVENT_MENTION("Event mention", "#d95f02", "1", EventRecordType.KIND),
    ENTITY_MENTION("Entity mention", "#1b6fc2", "2", EntityRecordType.KIND),
    DATE("Date", "#1b9e77", "3", null),
    CASUALTY_FIGURE("Casualty figure", "#c2185b", "4", null),
    CLAIM("Claim", "#7570b3", "5", null);

    private final String displayName;
    private final String colour;
    private final String key;
    private final @Nullable String requiredLinkKind;

    AnnotationType(String displayName, String colour, String key, @Nullable String requiredLinkKind) {
        this.displayName = displayName;
        this.colour = colour;
        this.key = key;
        this.requiredLinkKind = requiredLinkKind;
    }

    public String displayName() {
        return displayName;
    }

    public String colour() {
        return colour;
    }

    public String key() {
        return key;
    }

    /** The kind of record this type must link to, or null when any link (or none) will do. */
    public @Nullable String requiredLinkKind() {
        return requiredLinkKind;
    }

    /**
     * The field of an event whose claim a quote of this type makes when linked to the event (decision 0030): a
     * date quote the date, a casualty figure the casualties; null for the others.
     */
    public @Nullable ClaimField claimField() {
        return switch (this) {
            case DATE -> ClaimField.DATE;
            case CASUALTY_FIGURE -> ClaimField.CASUALTIES;
            case EVENT_MENTION, ENTITY_MENTION, CLAIM -> null;
        };
    }

    public String cssName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
