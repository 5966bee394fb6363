package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.EditorAnnotation;
import org.annals.source.SourceText;
import org.annals.source.parse.BlockKind;
import org.junit.jupiter.api.Test;

/**
 * The editor's doc-src download, which the browser fetches beside the text: passages with their heading levels,
 * citation markers and annotations as compact rows (the component expands them; see annals-text.ts, expand()).
 */
class AnnotatedTextDocumentTest {

    @Test
    void passages_citations_and_annotations_go_out_as_compact_rows() {
        var passages = List.of(new SourceText.Passage(0, BlockKind.HEADING, 0, 9, 0, null, null),
                new SourceText.Passage(1, BlockKind.PARAGRAPH, 11, 60, 0, 3, 4));
        var sections = List.of(new SourceText.Section(0, 2, "Offensive", 0, 60, null));
        var citations = List.of(new SourceText.Range(40, 43));
        UUID id = UUID.randomUUID();
        var vetted = new EditorAnnotation(id.toString(), id, 11, 17, "Aleppo", "", " fell",
                AnnotationType.ENTITY_MENTION, null, null, "Aleppo (place)", EditorAnnotation.State.VETTED, false, null);
        var withdrawn = new EditorAnnotation(id + ":c", id, 20, 25, "rebel", "", "", AnnotationType.CLAIM, null, null,
                "", EditorAnnotation.State.PENDING, true, UUID.randomUUID());

        var doc = AnnotatedText.document(passages, sections, citations, List.of(vetted, withdrawn));

        assertThat(doc.get("passages").toString()).isEqualTo("[[0,9,\"HEADING\",2],[11,60,\"PARAGRAPH\",0]]");
        assertThat(doc.get("citations").toString()).isEqualTo("[[40,43]]");
        assertThat(doc.get("annotations").get(0).toString())
                .isEqualTo("[\"" + id + "\",11,17,\"ENTITY_MENTION\",\"vetted\",\"Aleppo (place)\"]");
        assertThat(doc.get("annotations").get(1).toString())
                .isEqualTo("[\"" + id + ":c\",20,25,\"CLAIM\",\"pending\",\"\",1]");
        assertThat(doc.has("text")).as("the text is a download of its own").isFalse();
    }
}
