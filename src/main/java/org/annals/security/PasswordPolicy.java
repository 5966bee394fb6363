package org.annals.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.annals.base.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * What a new password must satisfy: at least {@value #MIN_LENGTH} characters, not one of the 20,000
 * most common passwords (also after stripping digits and symbols from its ends, so
 * {@code Password2024!} is refused), not a run of one character or a keyboard/alphabet sequence, and
 * not containing the user name.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Long enough for any passphrase, short enough that hashing cannot be used to burn CPU. */
    public static final int MAX_LENGTH = 256;

    private static final String LIST = "/org/annals/security/common-passwords.txt";
    private static final String SEQUENCES =
            "abcdefghijklmnopqrstuvwxyz 01234567890 qwertyuiopasdfghjklzxcvbnm 1qaz2wsx3edc4rfv5tgb6yhn7ujm";

    private volatile Set<String> commonPasswords;

    /** Throws with a message for the user when the password is not acceptable. */
    public void check(String password, String username) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            throw new InvalidInputException("Use at least " + MIN_LENGTH + " characters for the password.");
        }
        if (length > MAX_LENGTH) {
            throw new InvalidInputException("Use at most " + MAX_LENGTH + " characters for the password.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (isCommon(lower) || isCommon(stripDigitsAndSymbolsAtEnds(lower))) {
            throw new InvalidInputException("This password is too common. Choose one that others are unlikely to use,"
                    + " for example a few unrelated words.");
        }
        if (lower.codePoints().distinct().count() <= 2 || isSequence(lower)) {
            throw new InvalidInputException("This password is too easy to guess: avoid repeated characters and sequences.");
        }
        if (username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException("The password must not contain the user name.");
        }
    }

    private boolean isCommon(String candidate) {
        return candidate.length() >= 4 && commonPasswords().contains(candidate);
    }

    private static String stripDigitsAndSymbolsAtEnds(String password) {
        int start = 0;
        int end = password.length();
        while (start < end && !Character.isLetter(password.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(password.charAt(end - 1))) {
            end--;
        }
        return password.substring(start, end);
    }

    private static boolean isSequence(String lower) {
        return isRun(lower) || SEQUENCES.contains(lower)
                || new StringBuilder(SEQUENCES).reverse().toString().contains(lower);
    }

    /** Each character one up (or each one down) from the one before: "abcdef…", "3456789012…", "98765…". */
    private static boolean isRun(String lower) {
        int[] chars = lower.codePoints().toArray();
        int direction = 0;
        for (int i = 1; i < chars.length; i++) {
            int step = step(chars[i - 1], chars[i]);
            if (step == 0 || (direction != 0 && step != direction)) {
                return false;
            }
            direction = step;
        }
        return true;
    }

    private static int step(int from, int to) {
        boolean digits = Character.isDigit(from) && Character.isDigit(to);
        int delta = digits ? Math.floorMod(to - from, 10) : to - from;
        if (delta == 1) {
            return 1;
        }
        return delta == -1 || (digits && delta == 9) ? -1 : 0;
    }

    /** Loaded on first use rather than at start-up: most requests never set a password. */
    private Set<String> commonPasswords() {
        Set<String> loaded = commonPasswords;
        if (loaded == null) {
            synchronized (this) {
                if (commonPasswords == null) {
                    commonPasswords = load();
                }
                loaded = commonPasswords;
            }
        }
        return loaded;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(32_768);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + LIST);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
