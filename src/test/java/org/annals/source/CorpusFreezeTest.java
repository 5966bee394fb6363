package org.annals.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceDraft;
import org.annals.source.parse.SourceParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The five sample texts frozen with the proposed choices (page chrome dropped): how many sections,
 * passages and citation markers they end up with, and that every marker is one the file really
 * prints. Expected counts were checked against the files: e.g. 004 prints 77 numbered markers, five
 * letter notes [a]-[e], "[clarification needed]" and "[unreliable source?]".
 */
class CorpusFreezeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            000_206c697d8936a94d.txt, 9, 21, 2
            001_c72ea8b0ae7302a1.txt, 1, 21, 79
            002_d5490eeae7ca399e.txt, 10, 39, 0
            003_98e4072bd07ceaa8.txt, 4, 19, 35
            004_6148f8e6b9de41f3.txt, 13, 35, 84
            """)
    void samples_freeze_into_sections_passages_and_citation_markers(String file, int sections, int passages,
            int citations) throws IOException {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/samples/syria-2024/" + file)) {
            text = TextDecoder.decode(in.readAllBytes(), 10_000_000).text();
        }
        SourceDraft draft = new SourceParser().parse(text, SourceParser.detect(file, text));
        List<DraftBlock> kept = draft.blocks().stream().filter(b -> !b.looksLikeChrome()).toList();

        FrozenText frozen = TextFreezer.freeze(kept);

        assertThat(frozen.sections()).hasSize(sections);
        assertThat(frozen.passages()).hasSize(passages);
        assertThat(frozen.citations()).hasSize(citations);
        assertThat(frozen.citations()).allSatisfy(c ->
                assertThat(text).contains(frozen.text().substring(c.start(), c.end())));
        assertThat(frozen.passages()).allSatisfy(p ->
                assertThat(frozen.text().substring(p.start(), p.end())).isNotBlank().doesNotStartWith(" "));
    }
}
