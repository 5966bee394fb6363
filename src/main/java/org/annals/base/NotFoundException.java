package org.annals.base;

/**
 * A record that does not exist, or that the caller may not know exists. Services throw the same
 * exception for both so that a non-member cannot probe which projects exist.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
