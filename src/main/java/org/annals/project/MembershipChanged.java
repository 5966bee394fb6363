package org.annals.project;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A manager changed someone's role in a project or removed them ({@code role} null): their open pages
 * in that project are told and rebuilt with the rights they have now.
 */
public record MembershipChanged(UUID projectId, UUID userId, @Nullable ProjectRole role) {
}
