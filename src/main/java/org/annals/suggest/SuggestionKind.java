package org.annals.suggest;

import java.util.Locale;
import org.annals.annotation.AnnotationType;

/** What a recogniser suggests, each drawn in the editor in its own style and switched on or off on its own. */
public enum SuggestionKind {
    /** A name or alias of a registry entity (vetted, or for editors pending). */
    MENTION("Registry name", AnnotationType.ENTITY_MENTION),
    /** A date, absolute or resolved against the source, with its precision. */
    DATE("Date", AnnotationType.DATE),
    /** A casualty figure with its category. */
    FIGURE("Casualty figure", AnnotationType.CASUALTY_FIGURE),
    /** A name the registry lacks: "new entity?", ranked low. */
    NEW_NAME("New name?", AnnotationType.ENTITY_MENTION);

    private final String displayName;
    private final AnnotationType annotationType;

    SuggestionKind(String displayName, AnnotationType annotationType) {
        this.displayName = displayName;
        this.annotationType = annotationType;
    }

    public String displayName() {
        return displayName;
    }

    /** The type of the annotation an accepted suggestion becomes. */
    public AnnotationType annotationType() {
        return annotationType;
    }

    public String cssName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
