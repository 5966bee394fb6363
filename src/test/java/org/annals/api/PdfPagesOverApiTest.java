package org.annals.api;

import static org.annals.support.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.annals.annotation.AnnotationService;
import org.annals.annotation.AnnotationType;
import org.annals.annotation.LinkChoice;
import org.annals.project.ProjectRole;
import org.annals.review.ReviewService;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.ImportPreview;
import org.annals.source.ImportRequest;
import org.annals.source.ImportedSource;
import org.annals.source.SourceImportService;
import org.annals.source.SourceMetadata;
import org.annals.source.parse.DraftBlock;
import org.annals.source.parse.SourceFormat;
import org.annals.support.Fixtures;
import org.annals.token.TokenScope;
import org.annals.token.TokenService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A PDF's pages over real HTTP: on the source's passages and on the quotes of its annotations. */
@ApiTest
class PdfPagesOverApiTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TokenService tokens;
    @Autowired
    SourceImportService imports;
    @Autowired
    AnnotationService annotations;
    @Autowired
    ReviewService review;

    @Test
    void a_pdf_source_gives_the_pages_of_its_passages_and_of_its_quotes() throws IOException {
        AnnalsPrincipal editor = fixtures.newUser("pdf-editor");
        AnnalsPrincipal reviewer = fixtures.newUser("pdf-reviewer");
        UUID project = fixtures.newProject(fixtures.admin());
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        fixtures.addMember(project, reviewer, ProjectRole.REVIEWER);
        byte[] pdf;
        try (InputStream in = getClass().getResourceAsStream("/source/pdf/report.pdf")) {
            pdf = in.readAllBytes();
        }
        ImportPreview preview = as(editor, () -> imports.preview(project, "report.pdf", pdf));
        List<DraftBlock> kept = preview.draft().blocks().stream().filter(b -> !b.looksLikeChrome()).toList();
        ImportedSource imported = as(editor, () -> imports.importSource(project, new ImportRequest(new SourceMetadata(
                preview.draft().title(), null, null, null, null, null, "en", null), SourceFormat.PDF, kept,
                "report.pdf", null, false)));
        String token = Fixtures.as(editor, () -> tokens.create("pages", project, TokenScope.READ,
                LocalDate.now().plusDays(1))).secret();
        var api = new ApiClient(port);
        String source = "/api/v1/projects/" + project + "/sources/" + imported.sourceId();

        JsonNode read = api.get(source, token).json();
        JsonNode onPageTwo = null;
        for (JsonNode passage : read.path("passages")) {
            assertThat(passage.path("firstPage").asInt()).as("every passage of a PDF has its page").isPositive();
            if (onPageTwo == null && passage.path("firstPage").asInt() == 2 && passage.path("lastPage").asInt() == 2
                    && passage.path("kind").asString().equals("PARAGRAPH")) {
                onPageTwo = passage;
            }
        }
        assertThat(onPageTwo).as("a paragraph on page 2 in %s", read.path("passages")).isNotNull();
        int start = onPageTwo.path("start").asInt();
        String quote = read.path("text").asString().substring(start, start + 20);
        var marked = as(editor, () -> annotations.annotate(project, imported.sourceId(), start, start + 20, quote,
                AnnotationType.CLAIM, LinkChoice.none()));
        as(editor, () -> annotations.submitDraft(project, marked.changesetId(), "A quote on page 2"));
        as(reviewer, () -> review.approve(marked.changesetId(), null));

        JsonNode quotes = api.get(source + "/annotations", token).json();
        JsonNode annotation = quotes.path("items").get(0);
        assertThat(annotation.path("exact").asString()).isEqualTo(quote);
        assertThat(annotation.path("page").asInt()).isEqualTo(2);
        assertThat(annotation.path("lastPage").asInt()).isEqualTo(2);
    }
}
