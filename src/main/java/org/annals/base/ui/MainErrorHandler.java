package org.annals.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.UUID;
import org.annals.base.InvalidInputException;
import org.annals.base.NotFoundException;
import org.annals.security.RightsChangedException;
import org.annals.security.ui.SessionEnding;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Errors that escape a click or other UI event end here. The user gets a short message they can act
 * on; unexpected errors are logged with a reference the user can quote, and the user sees only that
 * reference, never the cause.
 */
@Component
class MainErrorHandler implements ErrorHandler, VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(MainErrorHandler.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this));
    }

    @Override
    public void error(ErrorEvent event) {
        if (DisconnectedClientHelper.isClientDisconnectedException(event.getThrowable())) {
            // The browser went away while an answer was being written (a page left while its text was still
            // downloading): nothing failed here, and nobody is there to be told.
            log.debug("The browser went away before its answer was written: {}", event.getThrowable().toString());
            return;
        }
        // Only a UI still in its session can be told anything (access() on one that left it throws).
        UI current = UI.getCurrent();
        UI ui = current != null && current.getSession() != null ? current : null;
        var rightsChanged = rightsChanged(event.getThrowable());
        if (rightsChanged != null) {
            // Nothing was done; the session the click came from no longer stands for the account.
            if (ui != null) {
                ui.access(() -> SessionEnding.end(ui, rightsChanged.reason()));
            }
            return;
        }
        String message = messageFor(event.getThrowable());
        if (ui != null) {
            ui.access(() -> {
                var notification = Notification.show(message, 6000, Notification.Position.MIDDLE);
                notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            });
        }
    }

    static String messageFor(Throwable error) {
        Throwable cause = rootOfInterest(error);
        return switch (cause) {
            case InvalidInputException invalid -> invalid.getMessage();
            case AccessDeniedException denied -> "You don't have permission to do that.";
            case NotFoundException missing -> "That item no longer exists. Reload the page to see the current state.";
            case OptimisticLockingFailureException conflict ->
                    "Someone else changed this at the same time. Reload the page and try again.";
            default -> {
                String reference = UUID.randomUUID().toString().substring(0, 8);
                log.error("Unexpected error (reference {})", reference, error);
                yield "Something went wrong. The problem was logged with reference " + reference + ".";
            }
        };
    }

    private static @Nullable RightsChangedException rightsChanged(Throwable error) {
        for (Throwable current = error; current != null; current = current.getCause()) {
            if (current instanceof RightsChangedException changed) {
                return changed;
            }
        }
        return null;
    }

    /** Vaadin wraps listener exceptions; find the one that says what happened. */
    private static Throwable rootOfInterest(Throwable error) {
        Throwable current = error;
        while (current != null) {
            if (current instanceof InvalidInputException || current instanceof AccessDeniedException
                    || current instanceof NotFoundException || current instanceof OptimisticLockingFailureException) {
                return current;
            }
            current = current.getCause();
        }
        return error;
    }
}
