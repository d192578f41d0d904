package io.atrium.local.apigateway;

/**
 * An Api's {@code Cors}, values already without SAM's single quotes. SAM adds an OPTIONS method answering
 * these headers to every path; the function's own responses carry whatever headers the function sets.
 *
 * @param allowMethods null: the methods of the path, as SAM lists them
 */
public record Cors(String allowOrigin, String allowMethods, String allowHeaders, String maxAge, boolean allowCredentials) {
}
