package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.product.Sku;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item in ProductTable that claims an sku for one product of a tenant ({@code TENANT#t#SKU#{SKU}}).
 * It is written with {@code attribute_not_exists(pk)} in the same transaction as the product, so the
 * database, not a read before the write, keeps skus unique (ADR 0400). It holds only the product's id
 * and has no index keys, so lists never see it.
 */
final class SkuMarker {
    static final String TYPE = "SKU";

    private SkuMarker() {
    }

    static String key(String tenantId, String sku) {
        if (!Sku.isValid(sku)) {
            throw new IllegalArgumentException("sku is not valid");
        }
        return Keys.tenantPrefix(tenantId) + TYPE + "#" + Sku.canonical(sku);
    }

    static Map<String, AttributeValue> item(String tenantId, String sku, String productId) {
        return Map.of(
                "pk", AttributeValue.fromS(key(tenantId, sku)),
                "type", AttributeValue.fromS(TYPE),
                "tenantId", AttributeValue.fromS(tenantId),
                "productId", AttributeValue.fromS(productId));
    }

    /** The product that holds the claim, from a marker item read back from a failed condition. */
    static String holder(Map<String, AttributeValue> item) {
        AttributeValue value = item == null ? null : item.get("productId");
        return value == null ? null : value.s();
    }
}
