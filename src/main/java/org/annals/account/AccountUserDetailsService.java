package org.annals.account;

import org.annals.security.AnnalsPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks accounts up for sign-in and stores rehashed passwords (see {@code SecurityConfig#passwordEncoder}). */
@Component
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final AppUserRepository users;

    AccountUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(AccountUserDetailsService::principal)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        AppUser account = users.findByUsername(user.getUsername())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        account.upgradePasswordHash(newPassword);
        return principal(account);
    }

    private static AnnalsPrincipal principal(AppUser user) {
        return new AnnalsPrincipal(user.getId(), user.getUsername(), user.getDisplayName(), user.getPasswordHash(),
                user.isAdmin(), user.isEnabled(), user.getPasswordChangedAt());
    }
}
