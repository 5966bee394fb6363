/**
 * User accounts: who may sign in, the bootstrap administrator, and what administrators and users
 * do with accounts (create, disable, reset and change passwords, grant the global ADMIN role).
 */
@NullMarked
package org.annals.account;

import org.jspecify.annotations.NullMarked;
