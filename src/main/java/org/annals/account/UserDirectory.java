package org.annals.account;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.annals.base.LikePattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of the accounts that other features may read: names of enabled users, to add them to a
 * project or (later) to mention them. Signed-in users only; never password hashes.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("isAuthenticated()")
public class UserDirectory {

    private final AppUserRepository users;

    UserDirectory(AppUserRepository users) {
        this.users = users;
    }

    public Optional<UserSummary> findEnabled(String username) {
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(AppUser::isEnabled)
                .map(UserSummary::of);
    }

    public Optional<UserSummary> find(UUID userId) {
        return users.findById(userId).map(UserSummary::of);
    }

    public List<UserSummary> searchEnabled(String text, int limit) {
        return users.searchEnabled(LikePattern.startingWith(text.strip()), LikePattern.containing(text.strip()), PageRequest.of(0, Math.clamp(limit, 1, 50))).stream()
                .map(UserSummary::of)
                .toList();
    }
}
