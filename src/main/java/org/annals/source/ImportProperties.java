package org.annals.source;

import org.annals.source.parse.ParseLimits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of source import ({@code annals.import.*} in config/application.yaml); decision 0021 says why these numbers.
 *
 * @param maxFileSize largest file (or text sent to the API, in UTF-8) that is read at all; checked before reading
 * @param maxFilesPerBatch most files in one upload
 * @param maxNestingDepth deepest nesting of HTML elements, Markdown quotes, lists and links, wiki templates
 * @param maxElements most blocks one file may hold, and most HTML elements in Markdown and MediaWiki files
 * @param maxTextLength most characters of frozen text one source may store
 * @param maxSegments most sections, passages and citation markers one source may store
 * @param maxPdfPages most pages a PDF may have; a longer one is refused before its pages are read (decision 0035)
 * @param maxHtmlElements most HTML elements (start tags) one HTML file or fetched page may hold (issue 21)
 */
@ConfigurationProperties("annals.import")
public record ImportProperties(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("200") int maxFilesPerBatch,
        @DefaultValue("" + ParseLimits.DEFAULT_MAX_DEPTH) int maxNestingDepth,
        @DefaultValue("" + ParseLimits.DEFAULT_MAX_ELEMENTS) int maxElements,
        @DefaultValue("10000000") int maxTextLength, @DefaultValue("200000") int maxSegments,
        @DefaultValue("" + ParseLimits.DEFAULT_MAX_PDF_PAGES) int maxPdfPages,
        @DefaultValue("" + ParseLimits.DEFAULT_MAX_HTML_ELEMENTS) int maxHtmlElements) {

    public ImportProperties {
        if (maxFileSize.toBytes() < 1 || maxFileSize.toBytes() > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("annals.import.max-file-size must be between 1 byte and 2 GB");
        }
        if (maxTextLength < 1 || maxSegments < 1) {
            throw new IllegalArgumentException("annals.import.max-text-length and max-segments must be at least 1");
        }
    }

    public ParseLimits parseLimits() {
        return new ParseLimits(maxNestingDepth, maxElements, maxPdfPages, maxHtmlElements);
    }
}
