package io.atrium.shared.trace;

import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * A span per AWS SDK call made inside an {@link Invocation}, named by service and operation as X-Ray names
 * them ({@code DynamoDB.GetItem}, {@code SQS.SendMessageBatch}), retries included in one span, with the table
 * or queue, AWS's request id, the HTTP status and a failure's type (throttling flagged). The call's HTTP request
 * carries the trace header, so AWS's side of the call joins the trace.
 */
public final class AwsCallSpans implements ExecutionInterceptor {
    private static final ExecutionAttribute<Span> SPAN = new ExecutionAttribute<>("atrium.trace.span");
    private static final Map<String, String> SERVICES = Map.of("DynamoDb", "DynamoDB", "Sqs", "SQS");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        Invocation invocation = Invocation.current();
        if (invocation == null) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Span span = invocation.start(SERVICES.getOrDefault(service, service).concat(".").concat(operation), "aws");
        span.aws("operation", operation);
        SdkRequest request = context.request();
        field(request, "TableName").ifPresent(table -> span.aws("table_name", table));
        field(request, "QueueUrl").ifPresent(queue -> span.aws("queue_url", queue));
        attributes.putAttribute(SPAN, span);
    }

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        Invocation invocation = Invocation.current();
        TraceHeader header = span == null || invocation == null ? null : invocation.headerUnder(span);
        if (header == null) {
            return context.httpRequest();
        }
        return context.httpRequest().toBuilder().putHeader("X-Amzn-Trace-Id", header.format()).build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span == null) {
            return;
        }
        span.status(context.httpResponse().statusCode());
        context.httpResponse().firstMatchingHeader("x-amzn-RequestId").ifPresent(id -> span.aws("request_id", id));
        close(span);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Span span = attributes.getAttribute(SPAN);
        if (span == null) {
            return;
        }
        Throwable failure = context.exception();
        if (failure instanceof SdkServiceException service) {
            span.status(service.statusCode());
            span.aws("request_id", service.requestId());
            span.failed(failure, service.isThrottlingException());
        } else {
            span.failed(failure, false);
        }
        close(span);
    }

    private static void close(Span span) {
        Invocation invocation = Invocation.current();
        if (invocation != null) {
            invocation.end(span);
        }
    }

    private static Optional<String> field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class);
    }
}
