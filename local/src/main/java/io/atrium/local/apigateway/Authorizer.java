package io.atrium.local.apigateway;

import io.atrium.local.lambda.LocalFunction;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Lambda authorizer of an Api ({@code Auth.Authorizers.NAME} in SAM).
 *
 * @param token              TOKEN (true) or REQUEST (false) payload
 * @param header             TOKEN: the header holding the token (default Authorization)
 * @param validationExpression TOKEN: the regex the token must match, or null
 * @param headers            REQUEST identity sources: headers
 * @param queryStrings       REQUEST identity sources: query string parameters
 * @param stageVariables     REQUEST identity sources: stage variables
 * @param ttlSeconds         result cache TTL ({@code ReauthorizeEvery}, default 300; 0 disables the cache)
 */
public record Authorizer(String name, LocalFunction function, boolean token, String header, Pattern validationExpression,
        List<String> headers, List<String> queryStrings, List<String> stageVariables, int ttlSeconds) {

    public Authorizer {
        headers = List.copyOf(headers);
        queryStrings = List.copyOf(queryStrings);
        stageVariables = List.copyOf(stageVariables);
    }
}
