package org.annals.suggest;

import java.util.List;
import org.springframework.stereotype.Component;

/** Registry names and aliases in the text: every entity each may mean. */
@Component
public class RegistryRecogniser implements Recogniser {

    /** Surer than a date or a figure: the words are a name the team vetted. */
    static final double RANK = 0.9;

    @Override
    public SuggestionKind kind() {
        return SuggestionKind.MENTION;
    }

    @Override
    public List<Suggestion> recognise(Reading reading) {
        return reading.registryMatches().stream()
                .map(m -> new Suggestion(SuggestionKind.MENTION, m.start(), m.end(),
                        reading.text().substring(m.start(), m.end()),
                        new Suggestion.Mention(m.entries().stream().map(RegistryEntry::candidate).toList(), m.alias()),
                        RANK))
                .toList();
    }
}
