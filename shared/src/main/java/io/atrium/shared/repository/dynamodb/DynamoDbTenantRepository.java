package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.api.Ids;
import io.atrium.shared.domain.tenant.Client;
import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantRepository;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.snapstart.PrimingIds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/** TenantTable: tenant items and their client items; the byClient index maps a client id to its tenant. */
public final class DynamoDbTenantRepository implements TenantRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final DynamoDbTable<TenantItem> tenants;
    private final DynamoDbTable<ClientItem> clients;
    private final DynamoDbIndex<ClientItem> byClient;

    public DynamoDbTenantRepository(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.tenants = enhanced.table(tableName, TenantItem.SCHEMA);
        this.clients = enhanced.table(tableName, ClientItem.SCHEMA);
        this.byClient = clients.index("byClient");
    }

    /**
     * A tenant and a client of the priming ids converted to their items and back, as a stored tenant and client are
     * read (ADR 0016): the enhanced client's conversions, which a read that finds nothing never runs.
     */
    public static void primeConversion(Instant now) {
        Tenant tenant = new Tenant(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, Tier.BASIC, TenantStatus.ACTIVE, 1, now, now);
        TenantItem.SCHEMA.mapToItem(TenantItem.SCHEMA.itemToMap(TenantItem.from(tenant), true)).toDomain();
        Client client = new Client(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID, List.of("partners/read"), now);
        ClientItem.SCHEMA.mapToItem(ClientItem.SCHEMA.itemToMap(ClientItem.from(client), true)).toDomain();
    }

    @Override
    public void create(Tenant tenant, Client firstClient) {
        if (!tenant.id().equals(firstClient.tenantId())) {
            throw new IllegalArgumentException("the first client must belong to the new tenant");
        }
        TransactWrites.write(dynamoDb, List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(TenantItem.SCHEMA.itemToMap(TenantItem.from(tenant), true))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(ClientItem.SCHEMA.itemToMap(ClientItem.from(firstClient), true))
                        .conditionExpression("attribute_not_exists(pk)").build()).build()),
                cancellation -> new ConflictException("A tenant or client with this id already exists."));
    }

    @Override
    public Optional<Tenant> find(String tenantId) {
        if (!Ids.isValid(tenantId)) {
            return Optional.empty();
        }
        TenantItem item = tenants.getItem(r -> r.key(Key.builder().partitionValue(TenantItem.key(tenantId)).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(TenantItem::toDomain);
    }

    @Override
    public Tenant update(Tenant tenant, long expectedVersion) {
        try {
            UpdateItemResponse response = dynamoDb.updateItem(r -> r.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(TenantItem.key(tenant.id()))))
                    .updateExpression("SET tier = :tier, #status = :status, updatedAt = :updatedAt, version = version + :one")
                    .conditionExpression("attribute_exists(pk) AND version = :expected")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":tier", AttributeValue.fromS(tenant.tier().name()),
                            ":status", AttributeValue.fromS(tenant.status().name()),
                            ":updatedAt", AttributeValue.fromS(tenant.updatedAt().toString()),
                            ":expected", AttributeValue.fromN(Long.toString(expectedVersion)),
                            ":one", AttributeValue.fromN("1")))
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return TenantItem.SCHEMA.mapToItem(response.attributes()).toDomain();
        } catch (ConditionalCheckFailedException e) {
            if (RetriedWrite.foundOwnUpdate(e, expectedVersion, tenant.updatedAt())) {
                return TenantItem.SCHEMA.mapToItem(e.item()).toDomain();
            }
            if (e.hasItem() && !e.item().isEmpty()) {
                throw PreconditionFailedException.versionMoved("tenant");
            }
            throw NotFoundException.noSuch("tenant");
        }
    }

    @Override
    public Optional<Client> findClient(String tenantId, String clientId) {
        if (!Ids.isValid(tenantId) || !Ids.isValid(clientId)) {
            return Optional.empty();
        }
        ClientItem item = clients.getItem(r -> r.key(Key.builder().partitionValue(ClientItem.key(tenantId, clientId)).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(ClientItem::toDomain);
    }

    @Override
    public Optional<Client> findClientById(String clientId) {
        if (!Ids.isValid(clientId)) {
            return Optional.empty();
        }
        var page = byClient.query(r -> r.queryConditional(QueryConditional.keyEqualTo(
                Key.builder().partitionValue(ClientItem.byClient(clientId)).build())).limit(2)).iterator();
        if (!page.hasNext()) {
            return Optional.empty();
        }
        var items = page.next().items();
        // a client id is issued once by the identity provider; two owners would be corruption, so trust neither
        return items.size() == 1 ? Optional.of(items.get(0).toDomain()) : Optional.empty();
    }
}
