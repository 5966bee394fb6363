package org.annals.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Locale;
import org.annals.base.InvalidInputException;
import org.annals.base.LanguageTags;
import org.annals.base.SupportedDates;
import org.jspecify.annotations.Nullable;

/** What is known about a source besides its text. {@link #validated()} checks and tidies it. */
public record SourceMetadata(String title, @Nullable String url, @Nullable String publisher, @Nullable String author,
        @Nullable LocalDate publishedOn, @Nullable LocalDate retrievedOn, @Nullable String language,
        @Nullable String licence) {

    public static SourceMetadata titled(String title) {
        return new SourceMetadata(title, null, null, null, null, null, null, null);
    }

    public SourceMetadata validated() {
        String cleanTitle = required(title, "title", Source.TITLE_MAX_LENGTH);
        String cleanUrl = optional(url, "URL", Source.URL_MAX_LENGTH);
        if (cleanUrl != null) {
            checkUrl(cleanUrl);
        }
        String cleanLanguage = optional(language, "language", Source.LANGUAGE_MAX_LENGTH);
        if (cleanLanguage != null && !LanguageTags.isValid(cleanLanguage)) {
            throw new InvalidInputException("Give the language as a code such as en, ar or pt-BR.");
        }
        SupportedDates.require(publishedOn, "The published date");
        SupportedDates.require(retrievedOn, "The retrieved date");
        if (publishedOn != null && retrievedOn != null && retrievedOn.isBefore(publishedOn)) {
            throw new InvalidInputException("The retrieved date cannot be before the published date.");
        }
        return new SourceMetadata(cleanTitle, cleanUrl, optional(publisher, "publisher", Source.NAME_MAX_LENGTH),
                optional(author, "author", Source.NAME_MAX_LENGTH), publishedOn, retrievedOn,
                cleanLanguage == null ? null : Locale.forLanguageTag(cleanLanguage).toLanguageTag(),
                optional(licence, "licence", Source.NAME_MAX_LENGTH));
    }

    private static void checkUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new InvalidInputException("The URL must be a web address starting with http:// or https://.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("The URL is not a valid web address.");
        }
    }

    private static String required(@Nullable String value, String field, int max) {
        String clean = optional(value, field, max);
        if (clean == null) {
            throw new InvalidInputException("Give the source a " + field + ".");
        }
        return clean;
    }

    private static @Nullable String optional(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip().replaceAll("\\s+", " ");
        if (clean.length() > max) {
            throw new InvalidInputException("Use at most " + max + " characters for the " + field + ".");
        }
        if (clean.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("The " + field + " must not contain control characters.");
        }
        return clean;
    }
}
