package org.annals.base;

import java.util.regex.Pattern;

/** BCP 47 language tags as people type them: "en", "ar", "pt-BR", "zh-Hant". */
public final class LanguageTags {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private LanguageTags() {
    }

    public static boolean isValid(String tag) {
        return TAG.matcher(tag).matches();
    }
}
