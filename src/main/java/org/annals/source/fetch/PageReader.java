package org.annals.source.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annals.base.InvalidInputException;
import org.annals.source.DecodedText;
import org.annals.source.ImportProperties;
import org.annals.source.TextDecoder;
import org.annals.source.parse.ArticleHtml;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceFormat;
import org.annals.source.parse.SourceParser;
import org.annals.source.parse.SourceTooComplexException;
import org.jspecify.annotations.Nullable;

/**
 * Reads a fetched page into a draft the way an upload is read: a PDF through the document readers, plain text
 * through the text path, and a web page through {@link ArticleHtml}'s main-content pass and then the HTML parser
 * with its chrome detection. A web page is decoded in the charset its byte-order mark, its server or its
 * {@code <meta charset>} declares, else UTF-8 when it is valid UTF-8, else Windows-1252 (what browsers assume).
 */
final class PageReader {

    /** What a page was read into, and the note the import list shows (charset, what the main-content pass left). */
    record Read(String name, SourceDraft draft, @Nullable String charset, String note) {
    }

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]{1,40})");

    private final SourceParser parser = new SourceParser();
    private final ImportProperties limits;

    PageReader(ImportProperties limits) {
        this.limits = limits;
    }

    Read read(FetchedPage page) {
        String name = name(page.finalUrl());
        String type = page.mediaType();
        try {
            if (type.equals("application/pdf") || type.isEmpty()) {
                SourceFormat document = SourceParser.detectDocument(null, page.bytes());
                if (document != null) {
                    return new Read(name, parser.parseDocument(page.bytes(), document, limits.parseLimits()), null,
                            document.displayName() + " from the web");
                }
                if (type.equals("application/pdf")) {
                    throw new InvalidInputException("The server said this is a PDF, but it is not one.");
                }
            }
            if (type.contains("html") || (type.isEmpty() && looksLikeHtml(page.bytes()))) {
                return html(name, page);
            }
            return text(name, page, type);
        } catch (SourceTooComplexException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private Read html(String name, FetchedPage page) {
        Decoded decoded = decodeHtml(page);
        ArticleHtml.Extracted article = ArticleHtml.mainContent(decoded.text(), limits.parseLimits());
        SourceDraft draft = parser.parseExtracted(article, limits.parseLimits());
        String note = decoded.charset().name() + " (" + decoded.how() + "), "
                + (article.wholePage() ? "whole page (no main content found)"
                        : "main content: " + number(article.droppedCharacters())
                                + " characters of menus, sidebars and the like left out");
        return new Read(name, draft, decoded.charset().name(), note);
    }

    private Read text(String name, FetchedPage page, String type) {
        String declared = page.declaredCharset();
        Charset charset = declared == null ? null : charset(declared);
        String text;
        String charsetName;
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            DecodedText decoded = TextDecoder.decode(page.bytes(), limits.maxFileSize().toBytes());
            text = decoded.text();
            charsetName = decoded.charset().name();
        } else {
            text = new String(page.bytes(), charset);
            charsetName = charset.name();
            if (text.indexOf('\0') >= 0) {
                throw new InvalidInputException("This page is not text: it holds NUL characters.");
            }
        }
        SourceFormat format = type.equals("text/markdown") || type.equals("text/x-markdown") ? SourceFormat.MARKDOWN
                : SourceParser.detect(name, text);
        if (format == SourceFormat.HTML) {
            ArticleHtml.Extracted article = ArticleHtml.mainContent(text, limits.parseLimits());
            return new Read(name, parser.parseExtracted(article, limits.parseLimits()), charsetName, charsetName);
        }
        return new Read(name, parser.parse(text, format, limits.parseLimits()), charsetName, charsetName);
    }

    private record Decoded(String text, Charset charset, String how) {
    }

    private static Decoded decodeHtml(FetchedPage page) {
        byte[] bytes = page.bytes();
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    "byte-order mark");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE),
                    StandardCharsets.UTF_16LE, "byte-order mark");
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new Decoded(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE),
                    StandardCharsets.UTF_16BE, "byte-order mark");
        }
        Charset declared = page.declaredCharset() == null ? null : charset(page.declaredCharset());
        if (declared != null) {
            return new Decoded(new String(bytes, declared), declared, "declared by the server");
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
        Matcher meta = META_CHARSET.matcher(head);
        if (meta.find()) {
            Charset inPage = charset(meta.group(1));
            if (inPage != null) {
                return new Decoded(new String(bytes, inPage), inPage, "declared in the page");
            }
        }
        try {
            String utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(utf8, StandardCharsets.UTF_8, "not declared, valid UTF-8");
        } catch (CharacterCodingException notUtf8) {
            Charset legacy = Charset.forName("windows-1252");
            return new Decoded(new String(bytes, legacy), legacy, "not declared; what browsers assume");
        }
    }

    private static @Nullable Charset charset(String name) {
        try {
            Charset charset = Charset.forName(name.strip());
            // UTF-16 and UTF-32 without a byte-order mark in an HTML page are almost always a mislabel.
            return charset.name().startsWith("UTF-32") ? null : charset;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean looksLikeHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    /** The name the import list shows and the source keeps as its file name: the last part of the address. */
    static String name(String url) {
        try {
            var uri = java.net.URI.create(url);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            String host = uri.getHost() == null ? url : uri.getHost();
            return last.isEmpty() ? host : host + "/…/" + last;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
