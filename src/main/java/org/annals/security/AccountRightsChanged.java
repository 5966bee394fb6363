package org.annals.security;

import java.util.UUID;

/**
 * An administrator disabled an account or changed its administrator right: the person's open pages
 * must end their sessions (published by the account feature, heard after commit by
 * {@code org.annals.security.ui.SignedInPages}).
 */
public record AccountRightsChanged(UUID userId, RightsChangedException.Reason reason) {
}
