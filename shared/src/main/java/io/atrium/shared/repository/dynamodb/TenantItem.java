package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;

import io.atrium.shared.domain.tenant.Tenant;
import io.atrium.shared.domain.tenant.TenantStatus;
import io.atrium.shared.domain.tenant.Tier;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The stored shape of a tenant (TenantTable, {@code TENANT#{tenantId}#TENANT}). Schema built once. */
public final class TenantItem {
    static final String TYPE = "TENANT";

    public static final StaticTableSchema<TenantItem> SCHEMA = StaticTableSchema.builder(TenantItem.class)
            .newItemSupplier(TenantItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(TenantItem::getPk).setter(TenantItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("type").getter(TenantItem::getType).setter(TenantItem::setType))
            .addAttribute(String.class, a -> a.name("tenantId").getter(TenantItem::getTenantId).setter(TenantItem::setTenantId))
            .addAttribute(String.class, a -> a.name("name").getter(TenantItem::getName).setter(TenantItem::setName))
            .addAttribute(String.class, a -> a.name("tier").getter(TenantItem::getTier).setter(TenantItem::setTier))
            .addAttribute(String.class, a -> a.name("status").getter(TenantItem::getStatus).setter(TenantItem::setStatus))
            .addAttribute(Long.class, a -> a.name("version").getter(TenantItem::getVersion).setter(TenantItem::setVersion))
            .addAttribute(String.class, a -> a.name("createdAt").getter(TenantItem::getCreatedAt).setter(TenantItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(TenantItem::getUpdatedAt).setter(TenantItem::setUpdatedAt))
            .build();

    private String pk;
    private String type;
    private String tenantId;
    private String name;
    private String tier;
    private String status;
    private Long version;
    private String createdAt;
    private String updatedAt;

    static TenantItem from(Tenant tenant) {
        TenantItem item = new TenantItem();
        item.pk = key(tenant.id());
        item.type = TYPE;
        item.tenantId = tenant.id();
        item.name = tenant.name();
        item.tier = tenant.tier().name();
        item.status = tenant.status().name();
        item.version = tenant.version();
        item.createdAt = tenant.createdAt().toString();
        item.updatedAt = tenant.updatedAt().toString();
        return item;
    }

    Tenant toDomain() {
        return new Tenant(tenantId, name, Tier.valueOf(tier), TenantStatus.valueOf(status), version,
                Instant.parse(createdAt), Instant.parse(updatedAt));
    }

    /** {@code TENANT#{tenantId}#TENANT}. */
    static String key(String tenantId) {
        return Keys.tenantPrefix(tenantId) + TYPE;
    }

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTier() { return tier; }
    public void setTier(String tier) { this.tier = tier; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
}
