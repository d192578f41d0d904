package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.partner.Partner;
import io.atrium.shared.domain.partner.PartnerStatus;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** The stored shape of a partner (PartnerTable). Its schema is built once, without reflection. */
public final class PartnerItem extends EntityItem {
    static final String TYPE = "PARTNER";
    static final String COLLECTION = "PARTNERS";

    public static final StaticTableSchema<PartnerItem> SCHEMA = StaticTableSchema.builder(PartnerItem.class)
            .newItemSupplier(PartnerItem::new)
            .extend(EntityItem.SCHEMA)
            .addAttribute(String.class, a -> a.name("partnerId").getter(PartnerItem::getPartnerId).setter(PartnerItem::setPartnerId))
            .addAttribute(String.class, a -> a.name("name").getter(PartnerItem::getName).setter(PartnerItem::setName))
            .addAttribute(String.class, a -> a.name("email").getter(PartnerItem::getEmail).setter(PartnerItem::setEmail))
            .addAttribute(String.class, a -> a.name("country").getter(PartnerItem::getCountry).setter(PartnerItem::setCountry))
            .addAttribute(String.class, a -> a.name("taxId").getter(PartnerItem::getTaxId).setter(PartnerItem::setTaxId))
            .addAttribute(String.class, a -> a.name("status").getter(PartnerItem::getStatus).setter(PartnerItem::setStatus))
            .addAttribute(Long.class, a -> a.name("activeContracts").getter(PartnerItem::getActiveContracts).setter(PartnerItem::setActiveContracts))
            .build();

    private String partnerId;
    private String name;
    private String email;
    private String country;
    private String taxId;
    private String status;
    private Long activeContracts;

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
}
