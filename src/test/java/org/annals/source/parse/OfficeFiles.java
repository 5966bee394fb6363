package org.annals.source.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Word and OpenDocument files for tests: the committed fixtures (made by LibreOffice, see
 * src/test/resources/source/office/README.md), and ZIP files written byte by byte, so that hostile ones can say
 * what they like about their sizes.
 */
final class OfficeFiles {

    static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private OfficeFiles() {
    }

    static byte[] resource(String name) {
        try (InputStream in = OfficeFiles.class.getResourceAsStream("/source/office/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One entry of a hand-made ZIP: its data as stored in the file, and the sizes it claims. */
    record RawEntry(String name, int method, byte[] data, long declaredSize, long crc) {

        static RawEntry stored(String name, byte[] content) {
            return new RawEntry(name, 0, content, content.length, OfficeFiles.crc(content));
        }

        static RawEntry deflated(String name, byte[] content) {
            return new RawEntry(name, 8, deflate(content), content.length, OfficeFiles.crc(content));
        }

        /** Deflated data of {@code size} zero bytes, made without holding them all. */
        static RawEntry zeros(String name, long size, long declaredSize) {
            return new RawEntry(name, 8, deflateZeros(size), declaredSize, 0);
        }

        RawEntry claiming(long size) {
            return new RawEntry(name, method, data, size, crc);
        }
    }

    static byte[] zip(List<RawEntry> entries) {
        return zip(entries, false);
    }

    /** A ZIP file with these entries; {@code sharedData} makes every entry point at the first one's data. */
    static byte[] zip(List<RawEntry> entries, boolean sharedData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        for (RawEntry e : entries) {
            if (sharedData && !offsets.isEmpty()) {
                offsets.add(offsets.getFirst());
                continue;
            }
            offsets.add(out.size());
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x04034b50);
            int16(out, 20);
            int16(out, 0x800);
            int16(out, e.method());
            int16(out, 0);
            int16(out, 0);
            int32(out, (int) e.crc());
            int32(out, e.data().length);
            int32(out, (int) e.declaredSize());
            int16(out, name.length);
            int16(out, 0);
            out.writeBytes(name);
            out.writeBytes(e.data());
        }
        int directory = out.size();
        for (int i = 0; i < entries.size(); i++) {
            RawEntry e = sharedData ? withName(entries.getFirst(), entries.get(i).name()) : entries.get(i);
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            int32(out, 0x02014b50);
            int16(out, 20);
            int16(out, 20);
            int16(out, 0x800);
            int16(out, e.method());
            int16(out, 0);
            int16(out, 0);
            int32(out, (int) e.crc());
            int32(out, e.data().length);
            int32(out, (int) e.declaredSize());
            int16(out, name.length);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int16(out, 0);
            int32(out, 0);
            int32(out, offsets.get(i));
            out.writeBytes(name);
        }
        int directorySize = out.size() - directory;
        int32(out, 0x06054b50);
        int16(out, 0);
        int16(out, 0);
        int16(out, entries.size());
        int16(out, entries.size());
        int32(out, directorySize);
        int32(out, directory);
        int16(out, 0);
        return out.toByteArray();
    }

    private static RawEntry withName(RawEntry e, String name) {
        return new RawEntry(name, e.method(), e.data(), e.declaredSize(), e.crc());
    }

    static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            </Types>""";

    static final String RELATIONSHIPS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="word/document.xml"/></Relationships>""";

    /** A minimal Word document whose body is the given WordprocessingML (prefix {@code w}). */
    static byte[] docx(String bodyXml) {
        return docx(RawEntry.deflated("word/document.xml", documentXml(bodyXml).getBytes(StandardCharsets.UTF_8)));
    }

    static String documentXml(String bodyXml) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"" + W
                + "\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" + bodyXml
                + "</w:body></w:document>";
    }

    /** A minimal Word document with this entry as its document.xml (which may be hostile). */
    static byte[] docx(RawEntry document) {
        return zip(List.of(RawEntry.deflated("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8)),
                RawEntry.deflated("_rels/.rels", RELATIONSHIPS.getBytes(StandardCharsets.UTF_8)), document));
    }

    static final String ODT_MIMETYPE = "application/vnd.oasis.opendocument.text";

    /** A minimal OpenDocument text whose office:text is the given XML (prefixes text, table, office, draw). */
    static byte[] odt(String textXml) {
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                + " xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\""
                + " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" office:version=\"1.3\">"
                + "<office:body><office:text>" + textXml + "</office:text></office:body></office:document-content>";
        return odt(RawEntry.deflated("content.xml", content.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] odt(RawEntry content) {
        return zip(List.of(RawEntry.stored("mimetype", ODT_MIMETYPE.getBytes(StandardCharsets.US_ASCII)), content));
    }

    static byte[] zipOf(Map<String, String> textEntries) {
        List<RawEntry> entries = new ArrayList<>();
        new LinkedHashMap<>(textEntries).forEach((name, text) -> entries.add(name.equals("mimetype")
                ? RawEntry.stored(name, text.getBytes(StandardCharsets.US_ASCII))
                : RawEntry.deflated(name, text.getBytes(StandardCharsets.UTF_8))));
        return zip(entries);
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    static byte[] deflate(byte[] content) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(content);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] deflateZeros(long size) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            byte[] zeros = new byte[1 << 20];
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (long left = size; left > 0; ) {
                int n = (int) Math.min(zeros.length, left);
                deflater.setInput(zeros, 0, n);
                left -= n;
                while (!deflater.needsInput()) {
                    out.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void int16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write(v >>> 8 & 0xFF);
    }

    private static void int32(ByteArrayOutputStream out, int v) {
        int16(out, v & 0xFFFF);
        int16(out, v >>> 16 & 0xFFFF);
    }
}
