package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.product.Product;
import io.atrium.shared.domain.product.ProductRepository;
import io.atrium.shared.domain.product.Sku;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.error.PreconditionFailedException;
import io.atrium.shared.error.UnavailableException;
import io.atrium.shared.paging.Page;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * ProductTable: products and the sku markers that keep skus unique per tenant (ADR 0400). Writes that
 * touch a marker are one TransactWriteItems with the product; reads of one product are strongly consistent.
 */
public final class DynamoDbProductRepository implements ProductRepository {
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_GET_ROUNDS = 5;
    private static final String SET_DETAILS = "SET sku = :sku, #name = :name, priceAmount = :priceAmount, "
            + "priceCurrency = :priceCurrency, stock = :stock, updatedAt = :updatedAt, version = version + :one";

    private final DynamoDbClient dynamoDb;
    private final DynamoDbTable<ProductItem> table;
    private final String tableName;

    public DynamoDbProductRepository(DynamoDbClient dynamoDb, DynamoDbEnhancedClient enhanced, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.table = enhanced.table(tableName, ProductItem.SCHEMA);
    }

    @Override
    public Product create(Product product) {
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                        .item(ProductItem.SCHEMA.itemToMap(ProductItem.from(product), true))
                        .conditionExpression("attribute_not_exists(pk)").build()).build(),
                skuClaim(product));
        TransactWrites.write(dynamoDb, items, cancellation -> {
            if (cancellation.failed(1)) {
                return skuTaken(product.sku(), cancellation.itemAsItWas(1));
            }
            return new ConflictException("A product with this id already exists.");
        });
        return product;
    }

    @Override
    public Optional<Product> find(String tenantId, String productId) {
        ProductItem item = table.getItem(r -> r.key(Key.builder().partitionValue(ProductItem.key(tenantId, productId)).build())
                .consistentRead(true));
        return Optional.ofNullable(item).map(ProductItem::toDomain);
    }

    @Override
    public Map<String, Product> findAll(String tenantId, Collection<String> productIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(productIds));
        Map<String, Product> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))) {
                keys.add(Map.of("pk", AttributeValue.fromS(ProductItem.key(tenantId, id))));
            }
            Map<String, KeysAndAttributes> pending = Map.of(tableName,
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round == BATCH_GET_ROUNDS) {
                    throw new UnavailableException("The catalog is busy; retry shortly.", 1, null);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(tableName, List.of())) {
                    Product product = ProductItem.SCHEMA.mapToItem(item).toDomain();
                    // The key already carries the tenant; this guards the mapping, not the query.
                    if (product.tenantId().equals(tenantId)) {
                        found.put(product.id(), product);
                    }
                }
                pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
                if (!pending.isEmpty()) {
                    pause(round);
                }
            }
        }
        return found;
    }

    @Override
    public Page<Product> list(String tenantId, int limit, Map<String, String> startKey) {
        return QueryPages.newestFirst(dynamoDb, tableName, ProductItem.SCHEMA, "byTenant", Keys.collection(tenantId, ProductItem.COLLECTION),
                limit, startKey, ProductItem::toDomain);
    }

    @Override
    public Product update(Product product, String previousSku, long expectedVersion) {
        Map<String, String> names = Map.of("#name", "name");
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":sku", AttributeValue.fromS(product.sku()));
        values.put(":name", AttributeValue.fromS(product.name()));
        values.put(":priceAmount", AttributeValue.fromN(product.price().amount().toPlainString()));
        values.put(":priceCurrency", AttributeValue.fromS(product.price().currency()));
        values.put(":stock", AttributeValue.fromN(Long.toString(product.stock())));
        values.put(":updatedAt", AttributeValue.fromS(product.updatedAt().toString()));
        values.put(":expected", AttributeValue.fromN(Long.toString(expectedVersion)));
        values.put(":one", AttributeValue.fromN("1"));
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS(ProductItem.key(product.tenantId(), product.id())));
        String condition = "attribute_exists(pk) AND version = :expected";

        if (Sku.same(previousSku, product.sku())) {
            try {
                UpdateItemResponse response = dynamoDb.updateItem(r -> r.tableName(tableName).key(key)
                        .updateExpression(SET_DETAILS)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
                return ProductItem.SCHEMA.mapToItem(response.attributes()).toDomain();
            } catch (ConditionalCheckFailedException e) {
                if (RetriedWrite.foundOwnUpdate(e, expectedVersion, product.updatedAt())) {
                    return ProductItem.SCHEMA.mapToItem(e.item()).toDomain();
                }
                throw e.hasItem() && !e.item().isEmpty() ? versionMoved() : notFound();
            }
        }

        // A new sku: the product, the release of the old claim and the new claim commit together or not at all.
        List<TransactWriteItem> items = List.of(
                TransactWriteItem.builder().update(Update.builder().tableName(tableName).key(key)
                        .updateExpression(SET_DETAILS)
                        .conditionExpression(condition)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build(),
                TransactWriteItem.builder().delete(Delete.builder().tableName(tableName)
                        .key(Map.of("pk", AttributeValue.fromS(SkuMarker.key(product.tenantId(), previousSku))))
                        .conditionExpression("attribute_not_exists(pk) OR productId = :productId")
                        .expressionAttributeValues(Map.of(":productId", AttributeValue.fromS(product.id()))).build()).build(),
                skuClaim(product));
        TransactWrites.write(dynamoDb, items, cancellation -> {
            if (cancellation.failed(0)) {
                return cancellation.existed(0) ? versionMoved() : notFound();
            }
            if (cancellation.failed(2)) {
                return skuTaken(product.sku(), cancellation.itemAsItWas(2));
            }
            return new IllegalStateException("sku marker of product " + product.id() + " is held by another product");
        });
        return new Product(product.tenantId(), product.id(), product.sku(), product.name(), product.price(), product.stock(),
                expectedVersion + 1, product.createdAt(), product.updatedAt());
    }

    private static ConflictException skuTaken(String sku, Optional<Map<String, AttributeValue>> marker) {
        String holder = marker.map(SkuMarker::holder).orElse(null);
        return new ConflictException("The sku '" + sku + "' is already used by "
                + (holder == null ? "another product" : "product " + holder) + ".");
    }

    private static NotFoundException notFound() {
        return NotFoundException.noSuch("product");
    }

    private static PreconditionFailedException versionMoved() {
        return PreconditionFailedException.versionMoved("product");
    }

    private static void pause(int round) {
        try {
            Thread.sleep(10L << round);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("The request was interrupted; retry shortly.", 1, e);
        }
    }

    /** Puts the tenant's marker for the product's SKU; fails (old marker returned) while another product holds it. */
    private TransactWriteItem skuClaim(Product product) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName)
                .item(SkuMarker.item(product.tenantId(), product.sku(), product.id()))
                .conditionExpression("attribute_not_exists(pk)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()).build();
    }
}
