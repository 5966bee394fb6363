package org.annals.token;

/** A new token with its secret: the only moment the secret exists outside the caller's hands. */
public record CreatedToken(TokenSummary token, String secret) {

    @Override
    public String toString() {
        return "CreatedToken[" + token.id() + "]";
    }
}
