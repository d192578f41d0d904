package io.atrium.shared.domain.product;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an sku may look like and when two are the same. An sku becomes part of a storage key, so it has
 * no '#' and nothing outside ASCII; skus compare case-insensitively, so "ab-1" and "AB-1" are one sku
 * (ADR 0400).
 */
public final class Sku {
    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Sku() {
    }

    public static boolean isValid(String sku) {
        return sku != null && PATTERN.matcher(sku).matches();
    }

    /** The form two skus are compared in. */
    public static String canonical(String sku) {
        return sku.toUpperCase(Locale.ROOT);
    }

    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }
}
