package org.annals.security;

import java.io.Serial;
import org.springframework.security.access.AccessDeniedException;

/**
 * The caller's session was granted rights at sign-in that the account no longer has as they were: it
 * was disabled or deleted, or an administrator changed its administrator right. Nothing the caller
 * asked for is done; the browser session ends and the person is sent to sign in again (see
 * {@code org.annals.security.ui.SessionEnding}), an API client gets 403.
 */
public final class RightsChangedException extends AccessDeniedException {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Reason reason;

    public RightsChangedException(Reason reason) {
        super(reason.message());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a session ended; each has a fixed message (the sign-in page shows it by its name, never user text). */
    public enum Reason {
        DISABLED("An administrator disabled your account. Nothing more was changed; you have been signed out."),
        RIGHTS_CHANGED("An administrator changed your administrator rights. Nothing more was changed; sign in"
                + " again to go on with your current rights."),
        PASSWORD_CHANGED("Your password was changed (by you in another window or by an administrator). Nothing"
                + " more was changed; sign in with the new password.");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }
}
