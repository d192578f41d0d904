package io.atrium.shared.trace;

import com.amazonaws.services.lambda.runtime.Context;

/** Where an invocation's X-Ray trace header comes from in Lambda's Java runtime. */
public final class Tracing {
    /** The system property Lambda's Java runtime sets to the invocation's trace header. */
    static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private Tracing() {
    }

    /** The invocation's trace header: from the context, else the runtime's system property, else the environment. */
    public static String header(Context context) {
        String header = null;
        if (context != null) {
            try {
                header = context.getXrayTraceId();
            } catch (AbstractMethodError | UnsupportedOperationException e) {
                // a runtime whose Context predates getXrayTraceId: the property below has it
            }
        }
        if (header == null) {
            header = System.getProperty(TRACE_HEADER_PROPERTY);
        }
        return header != null ? header : System.getenv("_X_AMZN_TRACE_ID");
    }
}
