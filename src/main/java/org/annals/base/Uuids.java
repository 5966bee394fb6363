package org.annals.base;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Time-ordered UUIDs (version 7, RFC 9562). Ids that grow with time keep B-tree indexes compact and
 * inserts local, which matters once a project holds hundreds of thousands of annotations.
 */
public final class Uuids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Uuids() {
    }

    public static UUID timeOrdered() {
        long millis = System.currentTimeMillis();
        long randomA = RANDOM.nextInt(1 << 12);
        long randomB = RANDOM.nextLong();
        long most = (millis << 16) | (0x7L << 12) | randomA;
        long least = (randomB & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }
}
