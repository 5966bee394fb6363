package org.annals.token;

/** What a token may do. Either way the owner's project roles still decide what each call may do. */
public enum TokenScope {
    /** Only the reading endpoints (GET). */
    READ("Read only"),
    /** Also importing, proposing, submitting and deciding (POST). */
    WRITE("Read and write");

    private final String displayName;

    TokenScope(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
