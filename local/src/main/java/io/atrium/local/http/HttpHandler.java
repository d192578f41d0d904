package io.atrium.local.http;

/**
 * What an {@link HttpServer} serves. Besides the requests it reads, the handler also words the answers the server
 * makes itself, so that they look like every other answer of the service (API Gateway's gateway responses).
 */
public interface HttpHandler {

    HttpResponse handle(HttpRequest request);

    /** The answer for a request the server could not read: 400, 413 (body too large) or 431 (head too large). */
    default HttpResponse unreadable(int status, String reason) {
        return HttpResponse.json(status, "{\"message\":\"" + reason + "\"}");
    }

    /** The answer when {@link #handle} threw: generic, never the exception's text (that goes to the log). */
    default HttpResponse failed(HttpRequest request) {
        return HttpResponse.json(500, "{\"message\":\"Internal server error\"}");
    }
}
