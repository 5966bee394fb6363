package org.annals.search.lucene;

import org.annals.search.SearchDocument;
import org.annals.search.Snippet;

/** The words of a hit in context. */
final class LuceneSnippets {

    private static final int LENGTH = 200;

    Snippet of(SearchDocument hit) {
        String text = hit.text();
        return Snippet.plain(text.length() <= LENGTH ? text : text.substring(0, LENGTH) + "…");
    }
}
