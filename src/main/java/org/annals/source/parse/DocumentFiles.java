package org.annals.source.parse;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import org.annals.base.Bytes;
import org.annals.base.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Tells document files (PDF, Word, OpenDocument text) from text files by their bytes, never by their names, and
 * refuses what Annals cannot read with a message that says what the file really is and what to do: other office
 * files (legacy .doc, spreadsheets, presentations), pictures, archives, and every file whose extension lies (a
 * "report.pdf" that is a PNG image, a "notes.docx" that is plain text or an OpenDocument file, a ".txt" that is a
 * PDF). ZIP-based formats are told apart by their entries, read through {@link SafeZip}: a ZIP bomb is refused here
 * already, before anything is unpacked.
 */
final class DocumentFiles {

    /** Readers accept a PDF header anywhere in the first kilobyte (some servers prepend junk). */
    private static final int PDF_HEADER_WINDOW = 1024;
    private static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

    /** Extensions that name a text format: a document under one of these names is refused, not guessed. */
    private static final Set<String> TEXT_EXTENSIONS = Set.of("txt", "text", "md", "markdown", "html", "htm",
            "xhtml", "wiki", "mediawiki", "wikitext");

    private DocumentFiles() {
    }

    /** What the bytes are: a document Annals reads ({@code format} set), or something it refuses (the reasons). */
    private record Kind(@Nullable SourceFormat format, String description, String advice, boolean textRefuses) {

        static Kind document(SourceFormat format, String description) {
            return new Kind(format, description, "", false);
        }

        static Kind refused(String description, String advice) {
            return new Kind(null, description, advice, false);
        }

        /** Pictures and archives: under their own names the text decoding refuses them (TextSniffer) already. */
        static Kind notText(String description, String advice) {
            return new Kind(null, description, advice, true);
        }
    }

    /**
     * The document format of a file, or null for a file to be decoded as text.
     *
     * @throws InvalidInputException for a file that is neither (or whose name says otherwise than its content)
     */
    static @Nullable SourceFormat detect(@Nullable String filename, byte[] bytes) {
        String raw = baseName(filename);
        String name = raw.isEmpty() ? "The file" : "\"" + (raw.length() > 120 ? raw.substring(0, 120) + "…" : raw)
                + "\"";
        int dot = raw.lastIndexOf('.');
        String extension = dot < 0 ? "" : raw.substring(dot + 1).toLowerCase(Locale.ROOT);
        SourceFormat claimed = documentFormat(extension);
        Kind kind = sniff(bytes, name, extension);
        if (kind == null) {
            if (claimed != null) {
                throw new InvalidInputException(name + " is not " + article(claimed) + ": it is "
                        + textDescription(bytes) + ". Choose the right file, or give this one the extension that"
                        + " matches what it is (.txt for plain text).");
            }
            return null;
        }
        if (kind.format() == null && kind.textRefuses() && claimed == null) {
            return null;
        }
        if (kind.format() == null) {
            boolean sayWhatItIsNot = claimed != null && !kind.description().contains(article(claimed));
            throw new InvalidInputException(name + " is " + kind.description()
                    + (sayWhatItIsNot ? ", not " + article(claimed) : "") + ". " + kind.advice());
        }
        SourceFormat found = kind.format();
        if (claimed != null && claimed != found || TEXT_EXTENSIONS.contains(extension)) {
            String named = claimed != null ? article(claimed) : "a text file";
            throw new InvalidInputException(name + " is named as " + named + " (." + extension + ") but it is "
                    + kind.description() + ". Rename it to " + renamed(raw, extension, found) + ", or choose the"
                    + " right file.");
        }
        return found;
    }

    /** What the bytes are, or null when they may be text (then they are decoded and read as text). */
    private static @Nullable Kind sniff(byte[] bytes, String name, String extension) {
        if (isPdf(bytes)) {
            return Kind.document(SourceFormat.PDF, "a PDF document");
        }
        if (Bytes.startsWith(bytes, 'P', 'K', 3, 4) || Bytes.startsWith(bytes, 'P', 'K', 5, 6)) {
            return zip(bytes, name);
        }
        if (Bytes.startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return legacyOffice(extension);
        }
        if (Bytes.startsWith(bytes, '{', '\\', 'r', 't', 'f')) {
            return Kind.refused("a Rich Text Format document (.rtf)", "Open it in Word or LibreOffice, save it as a"
                    + " Word document (.docx) or OpenDocument text (.odt), and import that.");
        }
        String picture = picture(bytes);
        if (picture != null) {
            return Kind.notText(picture, "Annals imports text; it does not read the text in pictures (no OCR). If"
                    + " this is a photo or scan of a document, import the document's text version instead.");
        }
        String archive = archive(bytes);
        if (archive != null) {
            return Kind.notText(archive, "Unpack it and import the documents inside one by one.");
        }
        return null;
    }

    /**
     * A PDF: its header at the start, or within the first kilobyte after junk, as readers allow; then the file must
     * also end like a PDF ({@code %%EOF} in its last kilobyte), so a text that merely mentions "%PDF-1.7" near its
     * start is not taken for one.
     */
    static boolean isPdf(byte[] bytes) {
        int header = indexOf(bytes, "%PDF-", 0, Math.min(bytes.length, PDF_HEADER_WINDOW + 5));
        if (header == 0) {
            return true;
        }
        return header > 0 && indexOf(bytes, "%%EOF", Math.max(0, bytes.length - 1024), bytes.length) >= 0;
    }

    private static Kind zip(byte[] bytes, String name) {
        if (!SafeZip.hasDirectory(bytes)) {
            return Kind.refused("a ZIP archive or an office document, damaged or cut short (its table of contents is"
                    + " missing)", "If it is a Word or OpenDocument file, open it in its program, save it again and"
                    + " retry.");
        }
        SafeZip zip = SafeZip.open(bytes, name);
        if (zip.entry("[Content_Types].xml") != null) {
            if (zip.entry("word/document.xml") != null) {
                return Kind.document(SourceFormat.DOCX, "a Word document (.docx)");
            }
            if (zip.entry("xl/workbook.xml") != null) {
                return Kind.refused("an Excel workbook (.xlsx)", "Annals imports text documents; copy the text you"
                        + " need into a document, or paste it.");
            }
            if (zip.entry("ppt/presentation.xml") != null) {
                return Kind.refused("a PowerPoint presentation (.pptx)", "Annals imports text documents; export the"
                        + " presentation as PDF (File › Export) and import that.");
            }
            return Kind.refused("an Office file that is not a Word document", "Open it in its program and save or"
                    + " export its text as a Word document (.docx), PDF or plain text.");
        }
        byte[] mimetype = zip.readSmall("mimetype", 256);
        if (mimetype != null) {
            String type = new String(mimetype, StandardCharsets.US_ASCII).strip();
            if (type.equals(ODT_MIMETYPE) || type.equals(ODT_MIMETYPE + "-template")) {
                return Kind.document(SourceFormat.ODT, "an OpenDocument text (.odt)");
            }
            if (type.startsWith("application/vnd.oasis.opendocument.spreadsheet")) {
                return Kind.refused("an OpenDocument spreadsheet (.ods)", "Annals imports text documents; copy the"
                        + " text you need into a document, or paste it.");
            }
            if (type.startsWith("application/vnd.oasis.opendocument.presentation")) {
                return Kind.refused("an OpenDocument presentation (.odp)", "Annals imports text documents; export the"
                        + " presentation as PDF and import that.");
            }
            if (type.equals("application/epub+zip")) {
                return Kind.refused("an e-book (EPUB)", "Annals does not read e-books; save the chapters you need as"
                        + " text, HTML or PDF.");
            }
            if (type.startsWith("application/vnd.oasis.opendocument.")) {
                return Kind.refused("an OpenDocument file that is not a text document", "Open it in LibreOffice and"
                        + " export it as PDF or OpenDocument text (.odt).");
            }
        }
        return Kind.refused("a ZIP archive", "Unpack it and import the documents inside one by one.");
    }

    /** The older Office container (OLE2): Word, Excel and PowerPoint 97–2003, and password-protected new files. */
    private static Kind legacyOffice(String extension) {
        String advice = "Open it in Word or LibreOffice, save it as a Word document (.docx) or OpenDocument text"
                + " (.odt), and import that.";
        return switch (extension) {
            case "doc", "dot" -> Kind.refused("a legacy Word 97-2003 document (.doc)", advice);
            case "docx", "docm", "dotx" -> Kind.refused("a password-protected Word document, or a legacy Word 97-2003"
                    + " document under a new name", "Open it in Word or LibreOffice, remove any password (in Word:"
                    + " File › Info › Protect Document), save it as a Word document (.docx) and import that.");
            case "xls", "xlt" -> Kind.refused("a legacy Excel 97-2003 workbook (.xls)", "Annals imports text"
                    + " documents; copy the text you need into a document, or paste it.");
            case "ppt", "pps", "pot" -> Kind.refused("a legacy PowerPoint 97-2003 presentation (.ppt)", "Annals"
                    + " imports text documents; export the presentation as PDF and import that.");
            default -> Kind.refused("a legacy Microsoft Office file (Word, Excel or PowerPoint 97-2003)", advice);
        };
    }

    private static @Nullable String picture(byte[] bytes) {
        if (Bytes.startsWith(bytes, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (Bytes.startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        }
        if (Bytes.startsWith(bytes, 'G', 'I', 'F', '8')) {
            return "a GIF image";
        }
        if (Bytes.startsWith(bytes, 'I', 'I', '*', 0) || Bytes.startsWith(bytes, 'M', 'M', 0, '*')) {
            return "a TIFF image";
        }
        if (Bytes.startsWith(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 12 && bytes[8] == 'W' && bytes[9] == 'E'
                && bytes[10] == 'B' && bytes[11] == 'P') {
            return "a WebP image";
        }
        if (bytes.length >= 12 && bytes[4] == 'f' && bytes[5] == 't' && bytes[6] == 'y' && bytes[7] == 'p'
                && (bytes[8] == 'h' || bytes[8] == 'a' && bytes[9] == 'v' && bytes[10] == 'i')) {
            return "a HEIC or AVIF image";
        }
        return null;
    }

    private static @Nullable String archive(byte[] bytes) {
        if (Bytes.startsWith(bytes, 0x1F, 0x8B)) {
            return "a gzip archive";
        }
        if (Bytes.startsWith(bytes, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7-Zip archive";
        }
        if (Bytes.startsWith(bytes, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return "a RAR archive";
        }
        return null;
    }

    /** Words for what a text-or-unknown file is, for the message when its name claims a document. */
    private static String textDescription(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file";
        }
        int sample = Math.min(bytes.length, 8192);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                return "binary data of a kind Annals does not know";
            }
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 1024), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return "an HTML file (a web page)";
        }
        if (head.startsWith("<?xml")) {
            return "an XML file";
        }
        return "a plain text file";
    }

    /** The document format an extension claims, or null when it claims none. */
    private static @Nullable SourceFormat documentFormat(String extension) {
        return switch (extension) {
            case "pdf" -> SourceFormat.PDF;
            case "docx", "docm", "dotx", "dotm" -> SourceFormat.DOCX;
            case "odt", "ott" -> SourceFormat.ODT;
            default -> null;
        };
    }

    private static String article(SourceFormat format) {
        return switch (format) {
            case PDF -> "a PDF document";
            case DOCX -> "a Word document";
            case ODT -> "an OpenDocument text";
            default -> format.displayName();
        };
    }

    private static String renamed(String name, String extension, SourceFormat format) {
        String base = extension.isEmpty() ? name : name.substring(0, name.length() - extension.length() - 1);
        return base + switch (format) {
            case PDF -> ".pdf";
            case DOCX -> ".docx";
            case ODT -> ".odt";
            default -> "";
        };
    }

    /** The name as the person gave it, without folders or control characters; empty when there is none. */
    private static String baseName(@Nullable String filename) {
        if (filename == null) {
            return "";
        }
        return filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
    }

    private static int indexOf(byte[] bytes, String ascii, int from, int to) {
        byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
        for (int i = from; i + needle.length <= to; i++) {
            int j = 0;
            while (j < needle.length && bytes[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
