/**
 * Personal access tokens for the REST API: created and revoked by their owner (in the UI, or with
 * a password over {@code POST /api/v1/tokens}), shown once, stored as a SHA-256 hash, scoped READ
 * or WRITE, optionally bound to one project, always with an expiry. {@link org.annals.token.TokenAuthenticator}
 * turns a presented secret into the caller; see docs/decisions/0010-rest-api-and-tokens.md.
 */
@NullMarked
package org.annals.token;

import org.jspecify.annotations.NullMarked;
