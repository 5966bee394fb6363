package org.annals.suggest;

import java.util.List;

/**
 * One kind of suggestion, found in a text on the server. Implementations are Spring beans and pure: no
 * database, no network; what they need comes in the {@link Reading}. They return suggestions in text order
 * and never overlapping one another (a longer reading wins over a shorter one inside it).
 */
public interface Recogniser {

    SuggestionKind kind();

    List<Suggestion> recognise(Reading reading);
}
