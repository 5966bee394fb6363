package org.annals.account;

import java.util.Optional;
import java.util.UUID;
import org.annals.security.AccountStandings;
import org.springframework.stereotype.Component;

/** Reads an account's standing for the security checks: no permission check of its own, nothing but two flags. */
@Component
class AccountStandingsInDatabase implements AccountStandings {

    private final AppUserRepository users;

    AccountStandingsInDatabase(AppUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<Standing> of(UUID userId) {
        return users.findStanding(userId);
    }
}
