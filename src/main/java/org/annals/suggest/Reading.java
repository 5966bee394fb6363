package org.annals.suggest;

import java.time.LocalDate;
import java.util.List;
import org.annals.search.lucene.FoldedWords;
import org.jspecify.annotations.Nullable;

/**
 * A text as the recognisers read it: the words, the source's published date (what "yesterday" or "30 November"
 * without a year is read against), its language, and the registry of the project as the reader may see it.
 * <p>
 * What several recognisers read alike is made once per reading, on first use, and shared: the folded words
 * (registry names and new names), the registry's matches in them (new names leave those to the registry), and
 * the plain folded text (dates and figures). Recognisers may run at the same time on one reading, so each is made
 * under the reading's lock.
 */
public final class Reading {

    private final String text;
    private final @Nullable LocalDate publishedOn;
    private final @Nullable String language;
    private final RegistryMatcher registry;
    private @Nullable List<FoldedWords.Word> words;
    private @Nullable List<RegistryMatcher.Match> registryMatches;
    private @Nullable PlainText plain;

    public Reading(String text, @Nullable LocalDate publishedOn, @Nullable String language, RegistryMatcher registry) {
        this.text = text;
        this.publishedOn = publishedOn;
        this.language = language;
        this.registry = registry;
    }

    public String text() {
        return text;
    }

    public @Nullable LocalDate publishedOn() {
        return publishedOn;
    }

    public @Nullable String language() {
        return language;
    }

    public RegistryMatcher registry() {
        return registry;
    }

    /** The text's words as search reads them. */
    synchronized List<FoldedWords.Word> words() {
        if (words == null) {
            words = FoldedWords.of(text);
        }
        return words;
    }

    /** Every registry name in the text, in text order. */
    List<RegistryMatcher.Match> registryMatches() {
        List<FoldedWords.Word> read = words();
        synchronized (this) {
            if (registryMatches == null) {
                registryMatches = registry.find(text, read);
            }
            return registryMatches;
        }
    }

    /** The text folded and without citation markers, as the date and figure patterns read it. */
    synchronized PlainText plain() {
        if (plain == null) {
            plain = PlainText.of(text);
        }
        return plain;
    }
}
