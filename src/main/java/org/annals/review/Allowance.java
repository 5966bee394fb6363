package org.annals.review;

import org.jspecify.annotations.Nullable;

/** Whether an action is allowed, and if not, why: the UI shows the reason next to a disabled button. */
public record Allowance(boolean allowed, @Nullable String reason) {

    public static final Allowance ALLOWED = new Allowance(true, null);

    public static Allowance refused(String reason) {
        return new Allowance(false, reason);
    }
}
