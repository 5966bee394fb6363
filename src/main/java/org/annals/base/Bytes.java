package org.annals.base;

/** Looking at the first bytes of a file: how byte-order marks and file formats announce themselves. */
public final class Bytes {

    private Bytes() {
    }

    /** Whether the bytes start with the given ones (each 0 to 255). */
    public static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
