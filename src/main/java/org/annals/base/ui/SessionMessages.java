package org.annals.base.ui;

import com.vaadin.flow.server.CustomizedSystemMessages;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/**
 * What the browser says when the session has expired or the server cannot be reached. Vaadin's
 * defaults say "take note of any unsaved data"; Annals keeps what is being typed in a form in the
 * browser ({@link TypedWork}), so the message says so and sends the person to sign in again.
 */
@Component
class SessionMessages implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        var messages = new CustomizedSystemMessages();
        messages.setSessionExpiredCaption("Your session has ended");
        messages.setSessionExpiredMessage("Nothing you typed is lost: an annotation or a form you had not saved is kept"
                + " in this browser and comes back when you open its page again. Click here to sign in again.");
        messages.setSessionExpiredNotificationEnabled(true);
        messages.setInternalErrorCaption("Something went wrong");
        messages.setInternalErrorMessage("Your draft annotations are saved. Click here to reload the page.");
        event.getSource().setSystemMessagesProvider(info -> messages);
    }
}
