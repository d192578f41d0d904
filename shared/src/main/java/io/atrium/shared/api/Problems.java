package io.atrium.shared.api;

import io.atrium.shared.aws.DependencyFailures;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.FieldError;
import io.atrium.shared.error.ForbiddenException;
import io.atrium.shared.error.IdempotencyInProgressException;
import io.atrium.shared.error.IdempotencyMismatchException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PayloadTooLargeException;
import io.atrium.shared.error.PlatformException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.error.PreconditionRequiredException;
import io.atrium.shared.error.RetryLater;
import io.atrium.shared.error.UnauthorizedException;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.error.UnsupportedMediaTypeException;
import io.atrium.shared.error.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place where errors become HTTP: RFC 9457 problem details. A dependency that is throttled, failing or
 * too slow ({@link DependencyFailures}) is a 503 with {@code Retry-After}, whichever repository or client
 * call met it. Unexpected errors become a 500 whose body says nothing about the cause.
 */
public final class Problems {

    private Problems() {
    }

    /** Status, slug and title of a problem kind. */
    public record Kind(int status, String slug, String title) {
        public String type() {
            return "urn:atrium:problem:" + slug;
        }
    }

    public static final Kind VALIDATION = new Kind(400, "validation", "Bad Request");
    public static final Kind UNAUTHORIZED = new Kind(401, "unauthorized", "Unauthorized");
    public static final Kind FORBIDDEN = new Kind(403, "forbidden", "Forbidden");
    public static final Kind NOT_FOUND = new Kind(404, "not-found", "Not Found");
    public static final Kind CONFLICT = new Kind(409, "conflict", "Conflict");
    public static final Kind IN_PROGRESS = new Kind(409, "idempotency-in-progress", "Conflict");
    public static final Kind PRECONDITION_FAILED = new Kind(412, "precondition-failed", "Precondition Failed");
    public static final Kind TOO_LARGE = new Kind(413, "payload-too-large", "Content Too Large");
    public static final Kind MEDIA_TYPE = new Kind(415, "unsupported-media-type", "Unsupported Media Type");
    public static final Kind KEY_REUSED = new Kind(422, "idempotency-key-reused", "Unprocessable Content");
    public static final Kind PRECONDITION_REQUIRED = new Kind(428, "precondition-required", "Precondition Required");
    public static final Kind UNAVAILABLE = new Kind(503, "unavailable", "Service Unavailable");
    public static final Kind INTERNAL = new Kind(500, "internal", "Internal Server Error");

    public static Kind kindOf(Throwable error) {
        if (error instanceof ValidationException) return VALIDATION;
        if (error instanceof UnauthorizedException) return UNAUTHORIZED;
        if (error instanceof ForbiddenException) return FORBIDDEN;
        if (error instanceof NotFoundException) return NOT_FOUND;
        if (error instanceof IdempotencyInProgressException) return IN_PROGRESS;
        if (error instanceof ConflictException) return CONFLICT;
        if (error instanceof PreconditionFailedException) return PRECONDITION_FAILED;
        if (error instanceof PayloadTooLargeException) return TOO_LARGE;
        if (error instanceof UnsupportedMediaTypeException) return MEDIA_TYPE;
        if (error instanceof IdempotencyMismatchException) return KEY_REUSED;
        if (error instanceof PreconditionRequiredException) return PRECONDITION_REQUIRED;
        if (error instanceof UnavailableException) return UNAVAILABLE;
        if (DependencyFailures.isDependencyFailure(error)) return UNAVAILABLE;
        return INTERNAL;
    }

    public static ApiResponse toResponse(Throwable error, String requestId) {
        Kind kind = kindOf(error);
        List<FieldError> errors = error instanceof ValidationException validation ? validation.errors() : List.of();
        ApiResponse response = problem(kind, detail(kind, error), requestId, errors);
        if (error instanceof RetryLater later) {
            response = response.withHeader("Retry-After", Integer.toString(later.retryAfterSeconds()));
        } else if (kind == UNAVAILABLE) {
            response = response.withHeader("Retry-After", Integer.toString(DependencyFailures.RETRY_AFTER_SECONDS));
        }
        return response;
    }

    /** The client's explanation: a platform error's own detail, else a fixed text that reveals nothing. */
    private static String detail(Kind kind, Throwable error) {
        if (error instanceof PlatformException platform && kind != INTERNAL) {
            return platform.detail();
        }
        if (kind == UNAVAILABLE) {
            return "A service this API depends on is busy or unavailable; retry after the time in Retry-After.";
        }
        return "An unexpected error occurred. Quote the requestId when reporting it.";
    }

    public static ApiResponse problem(Kind kind, String detail, String requestId, List<FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", kind.type());
        body.put("title", kind.title());
        body.put("status", kind.status());
        body.put("detail", detail);
        body.put("requestId", requestId);
        body.put("errors", errors);
        ApiResponse json = ApiResponse.json(kind.status(), body);
        return json.withHeader("Content-Type", ApiResponse.PROBLEM_JSON);
    }
}
