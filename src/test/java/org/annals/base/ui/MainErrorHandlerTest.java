package org.annals.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** What the handler of errors that escape the UI logs and shows. */
class MainErrorHandlerTest {

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(MainErrorHandler.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
        // A UI that has left its session, as when the person navigated away while an answer was being written.
        UI.setCurrent(new UI());
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        UI.setCurrent(null);
    }

    /**
     * A browser that leaves a page while its 5 MB text is still downloading breaks the connection; the write fails
     * with Tomcat's ClientAbortException. That is no error of the application: before, it was logged as an
     * "Unexpected error" with a stack trace, and the notification for it then failed on the UI that was gone.
     */
    @Test
    void a_browser_that_went_away_while_its_answer_was_written_is_not_an_error() {
        var abort = new UncheckedIOException(new ClientAbortException(new IOException("Broken pipe")));

        new MainErrorHandler().error(new ErrorEvent(abort));

        assertThat(logged.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void an_unexpected_error_in_a_ui_that_is_gone_is_logged_with_its_reference_and_shown_to_nobody() {
        new MainErrorHandler().error(new ErrorEvent(new IllegalStateException("broken invariant")));

        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.ERROR);
            assertThat(e.getFormattedMessage()).matches("Unexpected error \\(reference [0-9a-f]{8}\\)");
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("broken invariant");
        });
    }
}
