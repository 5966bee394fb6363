/**
 * The REST API under {@code /api/v1}: controllers that translate HTTP to calls of the feature
 * services (which own transactions and every permission check), its own stateless security filter
 * chain with bearer tokens, errors as RFC 9457 problem JSON, a rate limit per token, and the
 * OpenAPI description. See docs/api.md and docs/decisions/0010-rest-api-and-tokens.md.
 */
@NullMarked
package org.annals.api;

import org.jspecify.annotations.NullMarked;
