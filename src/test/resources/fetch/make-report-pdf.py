# Writes report.pdf: a one-page PDF 1.4 with a real text layer (Helvetica, WinAnsi), byte offsets computed,
# so that any PDF reader (PDFBox included) reads it without repair. Run: python3 make-report-pdf.py
lines = [
    (18, "Monitoring report on Aleppo"),
    (11, "Shelling of the eastern districts continued on 3 December 2024."),
    (11, "Monitors counted four civilians killed and nine wounded near the citadel."),
]
y = 760
ops = []
for size, text in lines:
    ops.append("BT /F1 %d Tf 72 %d Td (%s) Tj ET" % (size, y, text))
    y -= 2 * size + 8
stream = "\n".join(ops).encode("latin-1")
objects = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    b"<< /Title (Monitoring report on Aleppo) /Producer (make-report-pdf.py) >>",
]
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offsets = []
for number, body in enumerate(objects, start=1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
for offset in offsets:
    out += b"%010d 00000 n \n" % offset
out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
open("report.pdf", "wb").write(bytes(out))
