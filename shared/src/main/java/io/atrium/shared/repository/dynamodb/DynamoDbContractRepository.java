package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractQuery;
import io.atrium.shared.domain.contract.ContractReader;
import io.atrium.shared.domain.contract.ContractRepository;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.contract.EndedContract;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * ContractTable, plus the one attribute of PartnerTable the contract flow owns: {@code activeContracts},
 * changed in the same TransactWriteItems as each move into or out of ACTIVE (ADR 0001, ADR 0300).
 */
public final class DynamoDbContractRepository implements ContractRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String partnerTableName;

    public DynamoDbContractRepository(DynamoDbClient dynamoDb, String tableName, String partnerTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.partnerTableName = partnerTableName;
    }

    /** Reads only, for stacks that must not write contracts or touch partners (least privilege). */
    public static ContractReader reader(DynamoDbClient dynamoDb, String tableName) {
        return new DynamoDbContractRepository(dynamoDb, tableName, null)::find;
    }

    @Override
    public Contract create(Contract contract) {
        Map<String, AttributeValue> item = ContractItem.SCHEMA.itemToMap(ContractItem.from(contract), true);
        String partnerKey = PartnerItem.key(contract.tenantId(), contract.partnerId());
        TransactWrites.write(dynamoDb, List.of(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName(partnerTableName)
                        .key(Map.of("pk", s(partnerKey)))
                        .conditionExpression("attribute_exists(pk)")).build(),
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(pk)")).build()),
                cancellation -> cancellation.failed(0) ? partnerNotFound(contract.partnerId())
                        : new ConflictException("A contract with this id already exists."));
        return contract;
    }

    @Override
    public Optional<Contract> find(String tenantId, String contractId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("pk", s(ContractItem.key(tenantId, contractId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toDomain(item));
    }

    @Override
    public Page<Contract> list(String tenantId, ContractQuery query, int limit, Map<String, String> startKey) {
        String index;
        String partition;
        if (query.partnerId().isPresent()) {
            index = "byParent";
            partition = ContractItem.partnerPartition(tenantId, query.partnerId().get());
        } else if (query.status().isPresent()) {
            index = "byStatus";
            partition = ContractItem.statusPartition(tenantId, query.status().get());
        } else {
            index = "byTenant";
            partition = Keys.collection(tenantId, ContractItem.COLLECTION);
        }
        Map<String, String> names = new HashMap<>(Map.of("#partition", ContractItem.SCHEMA.tableMetadata().indexPartitionKey(index)));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":partition", s(partition)));
        QueryRequest.Builder request = QueryRequest.builder().tableName(tableName).indexName(index)
                .keyConditionExpression("#partition = :partition")
                .scanIndexForward(false);
        // partner AND status: the partner's partition, filtered
        if (query.partnerId().isPresent() && query.status().isPresent()) {
            request.filterExpression("#status = :status");
            names.put("#status", "status");
            values.put(":status", s(query.status().get().name()));
        }
        return QueryPages.read(dynamoDb, request.expressionAttributeNames(names).expressionAttributeValues(values).build(),
                ContractItem.SCHEMA, limit, startKey, DynamoDbContractRepository::toDomain);
    }

    @Override
    public Contract move(Contract current, ContractStatus next, Instant now) {
        Contract moved = current.movedTo(next, now);
        int counterChange = (next.countsAsActive() ? 1 : 0) - (current.status().countsAsActive() ? 1 : 0);
        Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":next", s(next.name()));
        values.put(":from", s(current.status().name()));
        values.put(":gsi2pk", s(ContractItem.statusPartition(current.tenantId(), next)));
        values.put(":updatedAt", s(now.toString()));
        values.put(":version", n(Long.toString(current.version())));
        values.put(":one", n("1"));
        StringBuilder update = new StringBuilder("SET #status = :next, gsi2pk = :gsi2pk, updatedAt = :updatedAt, version = version + :one");
        if (next == ContractStatus.ACTIVE) {
            values.put(":gsi4pk", s(ContractItem.ACTIVE_PARTITION));
            values.put(":gsi4sk", s(ContractItem.endDateKey(current.tenantId(), current.id(), current.endDate())));
            update.append(", gsi4pk = :gsi4pk, gsi4sk = :gsi4sk");
        } else {
            update.append(" REMOVE gsi4pk, gsi4sk");
        }
        List<TransactWriteItem> actions = new ArrayList<>();
        actions.add(TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(Map.of("pk", s(ContractItem.key(current.tenantId(), current.id()))))
                .updateExpression(update.toString())
                .conditionExpression("attribute_exists(pk) AND version = :version AND #status = :from")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        if (counterChange != 0) {
            Map<String, AttributeValue> counterValues = new HashMap<>(Map.of(":change", n(Integer.toString(counterChange)), ":zero", n("0")));
            // Taking one off needs one to take: a partner without a counted contract here is a broken invariant.
            String condition = counterChange > 0 ? "attribute_exists(pk)" : "attribute_exists(pk) AND activeContracts > :zero";
            actions.add(TransactWriteItem.builder().update(u -> u.tableName(partnerTableName)
                    .key(Map.of("pk", s(PartnerItem.key(current.tenantId(), current.partnerId()))))
                    .updateExpression("SET activeContracts = if_not_exists(activeContracts, :zero) + :change")
                    .conditionExpression(condition)
                    .expressionAttributeValues(counterValues)).build());
        }
        TransactWrites.write(dynamoDb, actions, cancellation -> moveRefused(cancellation, current, counterChange));
        return moved;
    }

    /** Why a move's transaction was cancelled: the contract (gone or changed) or its partner's counter. */
    private RuntimeException moveRefused(TransactWrites.Cancellation cancellation, Contract current, int counterChange) {
        if (cancellation.failed(0)) {
            boolean gone = cancellation.itemAsItWas(0).map(Map::isEmpty)
                    .orElseGet(() -> find(current.tenantId(), current.id()).isEmpty());
            return gone ? NotFoundException.noSuch("contract") : PreconditionFailedException.versionMoved("contract");
        }
        if (counterChange > 0) {
            return new ConflictException("The contract's partner no longer exists.");
        }
        return new IllegalStateException("partner " + current.partnerId() + " of tenant " + current.tenantId()
                + " has no active contract to take off");
    }

    @Override
    public Page<EndedContract> findEnded(LocalDate today, int limit, Map<String, String> startKey) {
        QueryRequest query = QueryRequest.builder().tableName(tableName).indexName("byEndDate")
                .keyConditionExpression("gsi4pk = :active AND gsi4sk < :today")
                .expressionAttributeValues(Map.of(":active", s(ContractItem.ACTIVE_PARTITION), ":today", s(today.toString())))
                .build();
        return QueryPages.read(dynamoDb, query, ContractItem.SCHEMA, limit, startKey,
                item -> new EndedContract(item.get("tenantId").s(), item.get("contractId").s(), LocalDate.parse(item.get("endDate").s())));
    }

    static NotFoundException partnerNotFound(String partnerId) {
        return new NotFoundException("partnerId: no partner " + partnerId + " exists.", partnerId);
    }

    private static Contract toDomain(Map<String, AttributeValue> item) {
        return ContractItem.SCHEMA.mapToItem(item).toDomain();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(String value) {
        return AttributeValue.fromN(value);
    }
}
