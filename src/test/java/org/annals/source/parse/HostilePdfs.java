package org.annals.source.parse;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * PDFs that must be refused, made in the test with PDFBox or written byte by byte: a scan, encrypted ones, a
 * damaged one, and bombs (a huge page count, objects nested half a million deep, a content stream that inflates to
 * hundreds of megabytes, graphics states saved a million times). Small on disk, all of them.
 */
public final class HostilePdfs {

    private HostilePdfs() {
    }

    /** Page 1 of a text PDF rendered to a picture and put alone on a page: what a scanner makes. */
    public static byte[] scanOf(byte[] textPdf) throws IOException {
        try (PDDocument source = Loader.loadPDF(textPdf); PDDocument scan = new PDDocument()) {
            BufferedImage image = new PDFRenderer(source).renderImageWithDPI(0, 72, ImageType.GRAY);
            PDPage page = new PDPage(PDRectangle.A4);
            scan.addPage(page);
            PDImageXObject picture = LosslessFactory.createFromImage(scan, image);
            try (var content = new PDPageContentStream(scan, page)) {
                content.drawImage(picture, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
            }
            return save(scan);
        }
    }

    /** A text PDF encrypted with AES-256 under a user password: it cannot be opened without it. */
    public static byte[] withPassword(byte[] textPdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(textPdf)) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
            return save(document);
        }
    }

    /** A text PDF anyone may open whose permissions forbid copying its text. */
    public static byte[] noCopying(byte[] textPdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(textPdf)) {
            var permissions = new AccessPermission();
            permissions.setCanExtractContent(false);
            var policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            return save(document);
        }
    }

    /** A PDF header followed by bytes that are no PDF at all. */
    public static byte[] damaged() {
        var bytes = new byte[20_000];
        new java.util.Random(19).nextBytes(bytes);
        byte[] header = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog /Pages ".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** A real PDF of {@code pages} pages, each with one line of text. */
    public static byte[] pages(int pages) throws IOException {
        try (PDDocument document = new PDDocument()) {
            var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (var content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 11);
                    content.newLineAtOffset(72, 700);
                    content.showText("Page " + i + " of a very long generated document.");
                    content.endText();
                }
            }
            return save(document);
        }
    }

    /** A page tree whose count claims a hundred million pages. */
    public static byte[] lyingPageCount() {
        return pdf("<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 100000000 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>");
    }

    /** The catalog holds an array nested {@code depth} levels deep: a recursive parser overflows its stack. */
    public static byte[] deeplyNested(int depth) {
        String nested = "[".repeat(depth) + "]".repeat(depth);
        return pdf("<< /Type /Catalog /Pages 2 0 R /Bomb " + nested + " >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Bomb " + nested + " >>");
    }

    /**
     * One page whose content stream is a few hundred kilobytes compressed and {@code megabytes} MB inflated: text
     * shown again and again. Read whole into memory, it would take that much heap and more.
     */
    public static byte[] inflatingContent(int megabytes) throws IOException {
        var compressed = new ByteArrayOutputStream();
        byte[] chunk = "BT /F1 1 Tf 10 10 Td (bomb) Tj ET\n".repeat(2000).getBytes(StandardCharsets.ISO_8859_1);
        try (OutputStream out = new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
            long total = 0;
            while (total < megabytes * 1024L * 1024L) {
                out.write(chunk);
                total += chunk.length;
            }
        }
        return pdfWithStream(compressed.toByteArray(), "/Filter /FlateDecode");
    }

    /** One page that saves the graphics state a million times without restoring it. */
    public static byte[] savedStates(int times) {
        return pdfWithStream("q\n".repeat(times).getBytes(StandardCharsets.ISO_8859_1), "");
    }

    private static byte[] pdfWithStream(byte[] stream, String filter) {
        var out = new ByteArrayOutputStream();
        var offsets = new long[6];
        write(out, "%PDF-1.7\n");
        offsets[1] = out.size();
        write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
        offsets[2] = out.size();
        write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
        offsets[3] = out.size();
        write(out, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                + " /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
        offsets[4] = out.size();
        write(out, "4 0 obj\n<< /Length " + stream.length + " " + filter + " >>\nstream\n");
        out.writeBytes(stream);
        write(out, "\nendstream\nendobj\n");
        offsets[5] = out.size();
        write(out, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
        return finish(out, offsets);
    }

    private static byte[] pdf(String catalog, String pages, String page) {
        var out = new ByteArrayOutputStream();
        var offsets = new long[4];
        write(out, "%PDF-1.7\n");
        String[] objects = {catalog, pages, page};
        for (int i = 0; i < objects.length; i++) {
            offsets[i + 1] = out.size();
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        return finish(out, offsets);
    }

    private static byte[] finish(ByteArrayOutputStream out, long[] offsets) {
        long xref = out.size();
        var table = new StringBuilder("xref\n0 " + offsets.length + "\n0000000000 65535 f \n");
        for (int i = 1; i < offsets.length; i++) {
            table.append(String.format("%010d 00000 n \n", offsets[i]));
        }
        table.append("trailer\n<< /Size ").append(offsets.length).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] save(PDDocument document) throws IOException {
        var out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
