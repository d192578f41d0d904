package io.atrium.local.apigateway;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** An Api's {@code BinaryMediaTypes}, compiled once ({@code *} matches anything, case-insensitive). */
public final class BinaryMediaTypes {

    private final List<Pattern> patterns;

    public BinaryMediaTypes(List<String> mediaTypes) {
        this.patterns = mediaTypes.stream()
                .map(t -> Pattern.compile(Pattern.quote(t.toLowerCase(Locale.ROOT)).replace("*", "\\E.*\\Q")))
                .toList();
    }

    /** Whether a {@code Content-Type} (or {@code Accept}) value names a binary media type of the Api. */
    boolean matches(String contentType) {
        if (contentType == null || patterns.isEmpty()) {
            return false;
        }
        String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        for (Pattern pattern : patterns) {
            if (pattern.matcher(type).matches()) {
                return true;
            }
        }
        return false;
    }
}
