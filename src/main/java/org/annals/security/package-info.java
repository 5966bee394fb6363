/**
 * Sign-in and the rules around it: the security filter chain, password hashing and policy,
 * throttling of failed sign-ins, and who the current user is. Project roles live in
 * {@code org.annals.project}; this package knows only the global roles.
 */
@NullMarked
package org.annals.security;

import org.jspecify.annotations.NullMarked;
