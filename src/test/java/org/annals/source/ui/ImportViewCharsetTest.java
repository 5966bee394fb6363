package org.annals.source.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.select.Select;
import java.nio.charset.Charset;
import java.util.Objects;
import java.util.UUID;
import org.annals.project.ProjectRole;
import org.annals.security.AnnalsPrincipal;
import org.annals.source.SourceService;
import org.annals.source.SourceText;
import org.annals.source.TextEncoding;
import org.annals.support.Fixtures;
import org.annals.support.IntegrationTest;
import org.annals.support.SignedInBrowserlessTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The import page's "Read as" choice without a browser: the kept bytes read again at once, and stored so. */
@IntegrationTest
@ViewPackages(packages = "org.annals")
class ImportViewCharsetTest extends SignedInBrowserlessTest {

    private static final String CYRILLIC = """
            Падение Хамы

            Пятого декабря 2024 года сирийская оппозиция заняла город Хама после нескольких дней тяжёлых боёв. \
            Тысячи жителей покинули свои дома и направились на юг, где искали убежища от обстрелов.""";

    @Autowired
    Fixtures fixtures;
    @Autowired
    SourceService sources;


    @SuppressWarnings("unchecked")
    private Select<TextEncoding> readAs() {
        return (Select<TextEncoding>) find(Select.class).withClassName("charset-choice").single();
    }

    @Test
    void choosing_another_charset_reads_the_file_again_at_once_and_the_choice_is_stored_with_the_source() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("charset-editor");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        signIn(editor);
        ImportView view = navigate("projects/" + project + "/import", ImportView.class);
        byte[] bytes = CYRILLIC.getBytes(Charset.forName("windows-1251"));

        view.addFile("hama.txt", bytes);
        PendingImport detected = view.pending().getFirst();
        assertThat(detected.message()).startsWith("Plain text, Windows-1251 (Cyrillic), detected with");
        view.review(detected);
        assertThat(readAs().getValue()).isEqualTo(TextEncoding.of("windows-1251"));
        assertThat(readAs().getHelperText()).contains("Windows-1251 (Cyrillic), detected with");

        readAs().setValue(TextEncoding.of("KOI8-R"));

        PendingImport koi8 = view.pending().getFirst();
        assertThat(koi8).isNotSameAs(detected);
        assertThat(koi8.message()).startsWith("Plain text, KOI8-R (Russian), chosen by you");
        assertThat(Objects.requireNonNull(koi8.preview()).draft().blocks().getFirst().text())
                .isEqualTo(new String(bytes, Charset.forName("KOI8-R")).lines().findFirst().orElseThrow());
        assertThat(readAs().getValue()).as("the review opened afresh on the new reading")
                .isEqualTo(TextEncoding.of("KOI8-R"));

        // Bytes that are not characters of the chosen set: the person is told, the file stays as it was read.
        readAs().setValue(TextEncoding.of("ISO-8859-6"));
        assertThat(view.pending().getFirst()).isSameAs(koi8);
        assertThat(readAs().getValue()).isEqualTo(TextEncoding.of("KOI8-R"));

        readAs().setValue(TextEncoding.of("windows-1251"));
        PendingImport chosen = view.pending().getFirst();
        assertThat(Objects.requireNonNull(chosen.preview()).draft().title()).isEqualTo("Падение Хамы");
        test(find(Button.class).withText("Import this source").single()).click();

        assertThat(chosen.state()).isEqualTo(PendingImport.State.IMPORTED);
        SourceText stored = Fixtures.as(editor, () -> sources.read(project, Objects.requireNonNull(chosen.sourceId())));
        assertThat(stored.text()).isEqualTo(CYRILLIC);
        assertThat(stored.source().charset()).isEqualTo("windows-1251");
    }

    @Test
    void a_utf8_file_is_offered_the_choice_too_starting_at_utf8() {
        UUID project = fixtures.newProject(fixtures.admin());
        AnnalsPrincipal editor = fixtures.newUser("charset-paster");
        fixtures.addMember(project, editor, ProjectRole.EDITOR);
        signIn(editor);
        ImportView view = navigate("projects/" + project + "/import", ImportView.class);
        view.addFile("hama.txt", "Hama\n\nRebels entered Hama.".getBytes(Charset.forName("UTF-8")));
        view.review(view.pending().getFirst());
        assertThat(readAs().getValue()).isEqualTo(TextEncoding.of("UTF-8"));
        assertThat(readAs().getHelperText()).startsWith("UTF-8.");
    }
}
