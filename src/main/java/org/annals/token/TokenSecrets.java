package org.annals.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Token secrets: 32 random bytes (256 bits) behind a recognisable prefix, so that secret scanners
 * and people can tell an Annals token when one is pasted somewhere it should not be. Stored only as
 * a SHA-256 hash: with this much randomness a fast hash is enough (nothing to guess), and a lookup
 * by hash needs no constant-time comparison because the hash reveals nothing about the secret.
 */
final class TokenSecrets {

    static final String PREFIX = "annals_";
    /** Base64url of 32 bytes without padding. */
    static final int LENGTH = PREFIX.length() + 43;

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenSecrets() {
    }

    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether the text could be a secret at all: anything else is refused without a database lookup. */
    static boolean wellFormed(String secret) {
        return secret.length() == LENGTH && secret.startsWith(PREFIX)
                && secret.substring(PREFIX.length()).chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128
                        || c == '-' || c == '_');
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
