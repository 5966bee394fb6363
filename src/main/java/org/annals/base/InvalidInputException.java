package org.annals.base;

/**
 * Input that breaks a rule the user can fix. The message is written for the user and is shown to
 * them as it is (as text), so it must never contain internal details.
 */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String userMessage) {
        super(userMessage);
    }
}
