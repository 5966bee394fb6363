#!/usr/bin/env python3
"""Writes the flat OpenDocument sources (.fodt) of the PDF fixtures; see README.md for the conversion."""

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta><dc:title>{title}</dc:title><dc:language>{lang}</dc:language></office:meta>
 <office:font-face-decls>
  <style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
  <style:font-face style:name="DejaVu Sans" svg:font-family="'DejaVu Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
  <style:font-face style:name="Noto Naskh Arabic" svg:font-family="'Noto Naskh Arabic'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/>
 </office:font-face-decls>
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties style:font-name="DejaVu Serif" fo:font-size="10.5pt" fo:language="{lang}" fo:country="{country}"
     style:font-name-complex="Noto Naskh Arabic" style:font-size-complex="12pt" style:language-complex="ar" style:country-complex="SY"/>
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   <style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="115%" fo:text-align="{align}" style:writing-mode="{writing}"/>
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:class="chapter">
   <style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="22pt" fo:font-weight="bold" style:font-size-complex="22pt" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1" style:class="text">
   <style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="16pt" fo:font-weight="bold" style:font-size-complex="16pt" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2" style:class="text">
   <style:paragraph-properties fo:margin-top="0.35cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>
   <style:text-properties style:font-name="DejaVu Sans" fo:font-size="13pt" fo:font-weight="bold" style:font-size-complex="13pt" style:font-weight-complex="bold"/>
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="end"/>
   <style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/>
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   <style:paragraph-properties fo:text-align="center"/>
   <style:text-properties fo:font-size="9pt" style:font-size-complex="9pt"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm" style:writing-mode="{writing}">{columns}</style:page-layout-properties>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page>
 </office:master-styles>
 <office:body><office:text>
"""
TAIL = """ </office:text></office:body>
</office:document>
"""

def p(text, style="Text_20_body"):
    return '  <text:p text:style-name="%s">%s</text:p>\n' % (style, text)

def h(level, text):
    return '  <text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s</text:h>\n' % (level, level, text)

def document(path, title, lang, country, body, header="", footer="", columns="", align="justify", writing="lr-tb"):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD.format(title=title, lang=lang, country=country, columns=columns, align=align, writing=writing,
                            header=header, footer=footer))
        f.write(body)
        f.write(TAIL)

PLACES = ["Idlib", "Saraqib", "Ariha", "Maarat al-Numan", "Jisr al-Shughur", "Atarib", "Darat Izza", "Sarmada"]

def paragraph(i):
    place = PLACES[i % len(PLACES)]
    return ("Field teams visited %s in the week of %d November and recorded damage to %d homes, two schools and "
            "the water station that serves the eastern quarter. Residents described shelling that began before dawn "
            "and continued for several hours; the monitors cross-checked each account with hospital records, "
            "satellite images and the statements of local councils before counting it. Incident %d was reported "
            "by three independent witnesses and is therefore listed as confirmed." % (place, 1 + i % 28, 10 + 7 * i, 100 + i))

# 1. A report of several pages: title, headings on two levels, a running header and a footer with the page
#    number, a word hyphenated at a line end, a real hyphen in a name, a paragraph that runs over a page break.
body = p("Civilian Harm in Northwest Syria", "Title")
body += p("A monitoring report on the escalation of late 2024, prepared from field interviews and open sources.")
body += h(1, "Summary")
for i in range(3):
    body += p(paragraph(i))
body += p("The destroyed bridge at Saraqib blocks the main road to the east; its recon-<text:line-break/>struction "
          "has not begun, and traffic to al-Sham province now takes a detour of forty kilometres through villages.")
body += h(1, "Findings by district")
for d, place in enumerate(["Idlib", "Aleppo countryside", "Hama countryside"]):
    body += h(2, "%s district" % place)
    for i in range(4):
        body += p(paragraph(3 + d * 4 + i))
body += h(1, "Method")
for i in range(3):
    body += p(paragraph(20 + i))
document("report.fodt", "Civilian Harm in Northwest Syria", "en", "GB", body,
         header='<style:header><text:p text:style-name="Header">Monitoring report · December 2024</text:p></style:header>',
         footer='<style:footer><text:p text:style-name="Footer">Page <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>')

# 2. Two columns on every page (a page style with two columns), with a title across the top of page one
#    being part of the first column's flow.
body = h(1, "Two-column bulletin")
for i in range(14):
    body += p(("Column paragraph %d. " % (i + 1)) + paragraph(i))
document("two-column.fodt", "Two-column bulletin", "en", "GB", body,
         columns='<style:columns fo:column-count="2" fo:column-gap="0.8cm"/>')

# 3. Arabic, right to left, with digits and an English name inside.
arabic = [
    "تقرير عن الأوضاع الإنسانية في شمال غرب سوريا",
    "وثّقت فرق الرصد الميدانية سقوط 27 مدنياً في مدينة إدلب خلال الأسبوع الأول من كانون الأول 2024، بينهم أطفال ونساء.",
    "قالت منظمة Syria Civil Defence إن القصف استهدف الأحياء السكنية والأسواق الشعبية، وإن فرق الإنقاذ عملت لساعات طويلة.",
    "نزح آلاف السكان نحو المخيمات القريبة من الحدود التركية، حيث تنقص المياه والأدوية والمأوى.",
]
body = h(1, arabic[0])
for a in arabic[1:]:
    body += p(a)
document("arabic.fodt", arabic[0], "ar", "SY", body, align="start", writing="rl-tb")
