package io.atrium.shared.testing;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * Counts the DynamoDB capacity units a client's calls consume: every request asks for
 * {@code ReturnConsumedCapacity=TOTAL}, and each answer's units are added up as read or write units by the kind of
 * operation (what on-demand pricing charges: read request units, write request units).
 */
public final class CapacityMeter implements ExecutionInterceptor {
    private static final Set<String> READS = Set.of("GetItem", "Query", "Scan", "BatchGetItem", "TransactGetItems");
    private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
            "TransactWriteItems");

    private final DoubleAdder reads = new DoubleAdder();
    private final DoubleAdder writes = new DoubleAdder();

    /** Read and write units consumed since the last reset. */
    public record Units(double reads, double writes) {
    }

    public Units reset() {
        return new Units(reads.sumThenReset(), writes.sumThenReset());
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        Optional<SdkField<?>> field = request.sdkFields().stream()
                .filter(f -> f.memberName().equals("ReturnConsumedCapacity")).findFirst();
        if (field.isEmpty()) {
            return request;
        }
        SdkRequest.Builder builder = request.toBuilder();
        field.get().set(builder, "TOTAL");
        return builder.build();
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        double units = context.response().sdkFields().stream()
                .filter(f -> f.memberName().equals("ConsumedCapacity"))
                .map(f -> f.getValueOrDefault(context.response()))
                .mapToDouble(CapacityMeter::units).sum();
        if (READS.contains(operation)) {
            reads.add(units);
        } else if (WRITES.contains(operation)) {
            writes.add(units);
        }
    }

    /** A single {@link ConsumedCapacity} or a list of them (one per table of a batch or transaction). */
    private static double units(Object consumed) {
        if (consumed instanceof ConsumedCapacity one) {
            return one.capacityUnits() == null ? 0 : one.capacityUnits();
        }
        if (consumed instanceof java.util.List<?> many) {
            return many.stream().mapToDouble(CapacityMeter::units).sum();
        }
        return 0;
    }
}
