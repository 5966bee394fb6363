package org.annals.annotation.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.vaadin.flow.server.BootstrapInitialPredicate;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * The switch (read when Vaadin starts, so that it also works in the production jar, whose bean conditions Spring AOT
 * fixed at build time) and where the page keeps the rendered view's container until Vaadin's client takes it.
 */
class EditorFirstResponseTest {

    private static final String SOURCE = "projects/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/sources/"
            + "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c";

    @Test
    void switched_off_it_leaves_vaadin_as_it_is() {
        VaadinService service = mock(VaadinService.class);
        var event = new ServiceInitEvent(service);

        new EditorFirstResponse(false, true, new SourcePageEarlyAnswer(null, null, true, true, true)).serviceInit(event);

        verifyNoInteractions(service);
        assertThat(event.getAddedIndexHtmlRequestListeners()).isEmpty();
    }

    @Test
    void on_it_renders_a_source_page_into_the_first_response_and_other_pages_as_vaadin_would() {
        VaadinService service = mock(VaadinService.class);
        when(service.getBootstrapInitialPredicate()).thenReturn(request -> false);
        var event = new ServiceInitEvent(service);

        new EditorFirstResponse(true, true, new SourcePageEarlyAnswer(null, null, true, true, true)).serviceInit(event);

        var predicate = ArgumentCaptor.forClass(BootstrapInitialPredicate.class);
        verify(service).setBootstrapInitialPredicate(predicate.capture());
        assertThat(predicate.getValue().includeInitialUidl(request("/" + SOURCE))).isTrue();
        assertThat(predicate.getValue().includeInitialUidl(request(SOURCE + "/"))).isTrue();
        assertThat(predicate.getValue().includeInitialUidl(request("/projects/0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/sources")))
                .isFalse();
        assertThat(predicate.getValue().includeInitialUidl(request(null))).isFalse();
        assertThat(event.getAddedIndexHtmlRequestListeners()).hasSize(1);
    }

    @Test
    void the_container_waits_just_before_the_outlet_which_is_hidden_while_it_is_there() {
        Document page = Jsoup.parse("""
                <html><head><title>Annals</title></head><body>
                <div id="outlet"><flow-container-root-2521314 id="ROOT"></flow-container-root-2521314></div>
                </body></html>""");

        EditorFirstResponse.keepContainerOutOfOutlet(page);

        var outlet = page.getElementById("outlet");
        assertThat(outlet.children()).isEmpty();
        assertThat(outlet.previousElementSibling().tagName()).isEqualTo("flow-container-root-2521314");
        assertThat(page.head().select("style").html()).isEqualTo("flow-container-root-2521314 + #outlet { display: none; }");
        // The script right after the outlet, run before Vaadin's module scripts, knows the container by its tag.
        var script = outlet.nextElementSibling();
        assertThat(script.tagName()).isEqualTo("script");
        assertThat(script.data()).contains("view.localName !== 'flow-container-root-2521314'")
                .contains("outlet.append = function");
    }

    @Test
    void a_page_without_a_rendered_view_is_left_as_it_is() {
        String html = "<html><head></head><body><div id=\"outlet\"></div></body></html>";
        Document page = Jsoup.parse(html);

        EditorFirstResponse.keepContainerOutOfOutlet(page);

        assertThat(page.html()).isEqualTo(Jsoup.parse(html).html());
    }

    @Test
    void vaadins_initial_message_goes_from_the_head_to_the_end_of_the_body() {
        Document page = Jsoup.parse("""
                <html><head><script initial="">window.Vaadin = window.Vaadin || {};window.Vaadin.TypeScript= {};</script>
                <script>const other = 1;</script></head><body><div id="annals-first-screen"></div><div id="outlet"></div>
                </body></html>""");

        EditorFirstResponse.initialMessageLast(page);

        assertThat(page.head().select("script")).extracting(org.jsoup.nodes.Element::data).containsExactly("const other = 1;");
        assertThat(page.body().children().last().data()).contains("window.Vaadin.TypeScript");
    }

    private static VaadinRequest request(String pathInfo) {
        VaadinRequest request = mock(VaadinRequest.class);
        when(request.getPathInfo()).thenReturn(pathInfo);
        return request;
    }
}
