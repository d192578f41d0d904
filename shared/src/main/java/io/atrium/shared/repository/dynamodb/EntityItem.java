package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * What every stored business entity (partner, product, order, contract) has in common: its keys and
 * list-index keys (ADR 0001), its tenant, its version and its times. Item classes extend it and their
 * schemas {@code extend(EntityItem.SCHEMA)}, so these attributes are declared once. A null index key is
 * not written, so an item only appears in the indexes its table has and it fills.
 */
public abstract class EntityItem {
    static final StaticTableSchema<EntityItem> SCHEMA = StaticTableSchema.builder(EntityItem.class)
            .addAttribute(String.class, a -> a.name("pk").getter(EntityItem::getPk).setter(EntityItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(EntityItem::getGsi1pk).setter(EntityItem::setGsi1pk)
                    .tags(secondaryPartitionKey("byTenant")))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(EntityItem::getGsi1sk).setter(EntityItem::setGsi1sk)
                    .tags(secondarySortKey("byTenant"), secondarySortKey("byStatus"), secondarySortKey("byParent")))
            .addAttribute(String.class, a -> a.name("gsi2pk").getter(EntityItem::getGsi2pk).setter(EntityItem::setGsi2pk)
                    .tags(secondaryPartitionKey("byStatus")))
            .addAttribute(String.class, a -> a.name("tenantId").getter(EntityItem::getTenantId).setter(EntityItem::setTenantId))
            .addAttribute(Long.class, a -> a.name("version").getter(EntityItem::getVersion).setter(EntityItem::setVersion))
            .addAttribute(String.class, a -> a.name("createdAt").getter(EntityItem::getCreatedAt).setter(EntityItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(EntityItem::getUpdatedAt).setter(EntityItem::setUpdatedAt))
            .build();

    String pk;
    String gsi1pk;
    String gsi1sk;
    String gsi2pk;
    String tenantId;
    Long version;
    String createdAt;
    String updatedAt;

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getGsi1pk() { return gsi1pk; }
    public void setGsi1pk(String gsi1pk) { this.gsi1pk = gsi1pk; }
    public String getGsi1sk() { return gsi1sk; }
    public void setGsi1sk(String gsi1sk) { this.gsi1sk = gsi1sk; }
    public String getGsi2pk() { return gsi2pk; }
    public void setGsi2pk(String gsi2pk) { this.gsi2pk = gsi2pk; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
}
