package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerRepository;
import io.atrium.shared.domain.partner.PartnerStatus;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.paging.Page;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** PartnerTable through the Enhanced Client; precise updates and deletes use conditional expressions. */
public final class DynamoDbPartnerRepository implements PartnerRepository {
    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<PartnerItem> table;
    private final String tableName;

    public DynamoDbPartnerRepository(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, PartnerItem.SCHEMA);
    }

    /**
     * Puts a new partner. A retry of a put whose answer was lost ({@link RetriedWrite}) finds exactly this partner:
     * the write is ours and it succeeded, so it is no conflict.
     */
    @Override
    public Partner create(Partner partner) {
        PartnerItem item = PartnerItem.from(partner);
        try {
            table.putItem(PutItemEnhancedRequest.builder(PartnerItem.class)
                    .item(item)
                    .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                    .build());
            return partner;
        } catch (ConditionalCheckFailedException e) {
            if (RetriedWrite.foundOwnPut(e, PartnerItem.SCHEMA.itemToMap(item, true))) {
                return partner;
            }
            throw new ConflictException("A partner with this id already exists.");
        }
    }

    @Override
    public Optional<Partner> find(String tenantId, String partnerId) {
        PartnerItem item = table.getItem(r -> r.key(Key.builder().partitionValue(PartnerItem.key(tenantId, partnerId)).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(PartnerItem::toDomain);
    }

    @Override
    public Page<Partner> list(String tenantId, Optional<PartnerStatus> status, int limit, Map<String, String> startKey) {
        String partition = status.map(s -> Keys.byStatus(tenantId, PartnerItem.COLLECTION, s.name()))
                .orElse(Keys.collection(tenantId, PartnerItem.COLLECTION));
        return QueryPages.newestFirst(dynamoDb, tableName, PartnerItem.SCHEMA, status.isPresent() ? "byStatus" : "byTenant",
                partition, limit, startKey, PartnerItem::toDomain);
    }

    @Override
    public Partner update(Partner partner, long expectedVersion) {
        Map<String, String> names = new HashMap<>(Map.of("#name", "name", "#status", "status"));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":name", AttributeValue.fromS(partner.name()));
        values.put(":email", AttributeValue.fromS(partner.email()));
        values.put(":country", AttributeValue.fromS(partner.country()));
        values.put(":status", AttributeValue.fromS(partner.status().name()));
        values.put(":gsi2pk", AttributeValue.fromS(Keys.byStatus(partner.tenantId(), PartnerItem.COLLECTION, partner.status().name())));
        values.put(":updatedAt", AttributeValue.fromS(partner.updatedAt().toString()));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":one", AttributeValue.fromN("1"));
        StringBuilder update = new StringBuilder("SET #name = :name, email = :email, country = :country, #status = :status, "
                + "gsi2pk = :gsi2pk, updatedAt = :updatedAt, version = version + :one");
        if (partner.taxId() != null) {
            values.put(":taxId", AttributeValue.fromS(partner.taxId()));
            update.append(", taxId = :taxId");
        } else {
            update.append(" REMOVE taxId");
        }
        try {
            UpdateItemResponse response = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(PartnerItem.key(partner.tenantId(), partner.id()))))
                    .updateExpression(update.toString())
                    .conditionExpression("attribute_exists(pk) AND version = :expected")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return PartnerItem.SCHEMA.mapToItem(response.attributes()).toDomain();
        } catch (ConditionalCheckFailedException e) {
            if (RetriedWrite.foundOwnUpdate(e, expectedVersion, partner.updatedAt())) {
                return PartnerItem.SCHEMA.mapToItem(e.item()).toDomain();
            }
            throw e.hasItem() && !e.item().isEmpty() ? versionMoved() : notFound();
        }
    }

    /**
     * Deletes the partner at {@code expectedVersion} when it has no active contracts. A retry that finds no partner after
     * an attempt whose answer was lost ({@link RetriedWrite#foundOwnDelete}) is the delete done.
     */
    @Override
    public void delete(String tenantId, String partnerId, long expectedVersion) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(PartnerItem.key(tenantId, partnerId))))
                    .conditionExpression("attribute_exists(pk) AND version = :expected AND (attribute_not_exists(activeContracts) OR activeContracts <= :zero)")
                    .expressionAttributeValues(Map.of(
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                            ":zero", AttributeValue.fromN("0")))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            if (RetriedWrite.foundOwnDelete(e)) {
                return;
            }
            if (!e.hasItem() || e.item().isEmpty()) {
                throw notFound();
            }
            PartnerItem current = PartnerItem.SCHEMA.mapToItem(e.item());
            if (current.getVersion() != expectedVersion) {
                throw versionMoved();
            }
            throw new ConflictException("The partner has active contracts; terminate them before deleting it.");
        }
    }

    private static NotFoundException notFound() {
        return NotFoundException.noSuch("partner");
    }

    private static PreconditionFailedException versionMoved() {
        return PreconditionFailedException.versionMoved("partner");
    }
}
