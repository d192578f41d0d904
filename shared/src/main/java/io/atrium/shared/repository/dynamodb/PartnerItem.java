package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The stored shape of a partner (PartnerTable). Its schema is built once, without reflection. */
public final class PartnerItem {
    static final String TYPE = "PARTNER";
    static final String COLLECTION = "PARTNERS";

    public static final StaticTableSchema<PartnerItem> SCHEMA = StaticTableSchema.builder(PartnerItem.class)
            .newItemSupplier(PartnerItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(PartnerItem::getPk).setter(PartnerItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(PartnerItem::getGsi1pk).setter(PartnerItem::setGsi1pk)
                    .tags(secondaryPartitionKey("byTenant")))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(PartnerItem::getGsi1sk).setter(PartnerItem::setGsi1sk)
                    .tags(secondarySortKey("byTenant"), secondarySortKey("byStatus")))
            .addAttribute(String.class, a -> a.name("gsi2pk").getter(PartnerItem::getGsi2pk).setter(PartnerItem::setGsi2pk)
                    .tags(secondaryPartitionKey("byStatus")))
            .addAttribute(String.class, a -> a.name("tenantId").getter(PartnerItem::getTenantId).setter(PartnerItem::setTenantId))
            .addAttribute(String.class, a -> a.name("partnerId").getter(PartnerItem::getPartnerId).setter(PartnerItem::setPartnerId))
            .addAttribute(String.class, a -> a.name("name").getter(PartnerItem::getName).setter(PartnerItem::setName))
            .addAttribute(String.class, a -> a.name("email").getter(PartnerItem::getEmail).setter(PartnerItem::setEmail))
            .addAttribute(String.class, a -> a.name("country").getter(PartnerItem::getCountry).setter(PartnerItem::setCountry))
            .addAttribute(String.class, a -> a.name("taxId").getter(PartnerItem::getTaxId).setter(PartnerItem::setTaxId))
            .addAttribute(String.class, a -> a.name("status").getter(PartnerItem::getStatus).setter(PartnerItem::setStatus))
            .addAttribute(Long.class, a -> a.name("activeContracts").getter(PartnerItem::getActiveContracts).setter(PartnerItem::setActiveContracts))
            .addAttribute(Long.class, a -> a.name("version").getter(PartnerItem::getVersion).setter(PartnerItem::setVersion))
            .addAttribute(String.class, a -> a.name("createdAt").getter(PartnerItem::getCreatedAt).setter(PartnerItem::setCreatedAt))
            .addAttribute(String.class, a -> a.name("updatedAt").getter(PartnerItem::getUpdatedAt).setter(PartnerItem::setUpdatedAt))
            .build();

    private String pk;
    private String gsi1pk;
    private String gsi1sk;
    private String gsi2pk;
    private String tenantId;
    private String partnerId;
    private String name;
    private String email;
    private String country;
    private String taxId;
    private String status;
    private Long activeContracts;
    private Long version;
    private String createdAt;
    private String updatedAt;

    static PartnerItem from(Partner partner) {
        PartnerItem item = new PartnerItem();
        item.pk = key(partner.tenantId(), partner.id());
        item.gsi1pk = Keys.collection(partner.tenantId(), COLLECTION);
        item.gsi1sk = Keys.created(partner.createdAt(), partner.id());
        item.gsi2pk = Keys.byStatus(partner.tenantId(), COLLECTION, partner.status().name());
        item.tenantId = partner.tenantId();
        item.partnerId = partner.id();
        item.name = partner.name();
        item.email = partner.email();
        item.country = partner.country();
        item.taxId = partner.taxId();
        item.status = partner.status().name();
        item.activeContracts = partner.activeContracts();
        item.version = partner.version();
        item.createdAt = partner.createdAt().toString();
        item.updatedAt = partner.updatedAt().toString();
        return item;
    }

    Partner toDomain() {
        return new Partner(tenantId, partnerId, name, email, country, taxId, PartnerStatus.valueOf(status),
                activeContracts == null ? 0 : activeContracts, version, Instant.parse(createdAt), Instant.parse(updatedAt));
    }

    static String key(String tenantId, String partnerId) {
        return Keys.entity(tenantId, TYPE, partnerId);
    }

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
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = country; }
    public String getTaxId() { return taxId; }
    public void setTaxId(String taxId) { this.taxId = taxId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getActiveContracts() { return activeContracts; }
    public void setActiveContracts(Long activeContracts) { this.activeContracts = activeContracts; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
    public String getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(String updatedAt) { this.updatedAt = updatedAt; }
}
