package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractStatus;
import io.atrium.shared.domain.Money;
import io.atrium.shared.snapstart.PrimingIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The stored shape of a contract (ContractTable). Money is stored as DynamoDB numbers (exact decimals)
 * so the balance can change by an atomic, conditional {@code SET balance = balance + :delta}.
 * While ACTIVE it carries the sparse {@code gsi4pk}/{@code gsi4sk} of the expiry index.
 */
public final class ContractItem extends EntityItem {
    static final String TYPE = "CONTRACT";
    static final String COLLECTION = "CONTRACTS";
    /** The one partition of the sparse byEndDate index (ADR 0001). */
    static final String ACTIVE_PARTITION = "ACTIVE";

    public static final StaticTableSchema<ContractItem> SCHEMA = StaticTableSchema.builder(ContractItem.class)
            .newItemSupplier(ContractItem::new)
            .extend(EntityItem.SCHEMA)
            .addAttribute(String.class, a -> a.name("gsi3pk").getter(ContractItem::getGsi3pk).setter(ContractItem::setGsi3pk)
                    .tags(secondaryPartitionKey("byParent")))
            .addAttribute(String.class, a -> a.name("gsi4pk").getter(ContractItem::getGsi4pk).setter(ContractItem::setGsi4pk)
                    .tags(secondaryPartitionKey("byEndDate")))
            .addAttribute(String.class, a -> a.name("gsi4sk").getter(ContractItem::getGsi4sk).setter(ContractItem::setGsi4sk)
                    .tags(secondarySortKey("byEndDate")))
            .addAttribute(String.class, a -> a.name("contractId").getter(ContractItem::getContractId).setter(ContractItem::setContractId))
            .addAttribute(String.class, a -> a.name("partnerId").getter(ContractItem::getPartnerId).setter(ContractItem::setPartnerId))
            .addAttribute(String.class, a -> a.name("title").getter(ContractItem::getTitle).setter(ContractItem::setTitle))
            .addAttribute(String.class, a -> a.name("startDate").getter(ContractItem::getStartDate).setter(ContractItem::setStartDate))
            .addAttribute(String.class, a -> a.name("endDate").getter(ContractItem::getEndDate).setter(ContractItem::setEndDate))
            .addAttribute(BigDecimal.class, a -> a.name("valueAmount").getter(ContractItem::getValueAmount).setter(ContractItem::setValueAmount))
            .addAttribute(String.class, a -> a.name("currency").getter(ContractItem::getCurrency).setter(ContractItem::setCurrency))
            .addAttribute(BigDecimal.class, a -> a.name("balance").getter(ContractItem::getBalance).setter(ContractItem::setBalance))
            .addAttribute(String.class, a -> a.name("status").getter(ContractItem::getStatus).setter(ContractItem::setStatus))
            .build();

    private String gsi3pk;
    private String gsi4pk;
    private String gsi4sk;
    private String contractId;
    private String partnerId;
    private String title;
    private String startDate;
    private String endDate;
    private BigDecimal valueAmount;
    private String currency;
    private BigDecimal balance;
    private String status;

    static ContractItem from(Contract contract) {
        ContractItem item = new ContractItem();
        item.pk = key(contract.tenantId(), contract.id());
        item.gsi1pk = Keys.collection(contract.tenantId(), COLLECTION);
        item.gsi1sk = Keys.created(contract.createdAt(), contract.id());
        item.gsi2pk = statusPartition(contract.tenantId(), contract.status());
        item.gsi3pk = partnerPartition(contract.tenantId(), contract.partnerId());
        if (contract.status() == ContractStatus.ACTIVE) {
            item.gsi4pk = ACTIVE_PARTITION;
            item.gsi4sk = endDateKey(contract.tenantId(), contract.id(), contract.endDate());
        }
        item.tenantId = contract.tenantId();
        item.contractId = contract.id();
        item.partnerId = contract.partnerId();
        item.title = contract.title();
        item.startDate = contract.startDate().toString();
        item.endDate = contract.endDate().toString();
        item.valueAmount = contract.value().amount();
        item.currency = contract.value().currency();
        item.balance = contract.balance().amount();
        item.status = contract.status().name();
        item.version = contract.version();
        item.createdAt = contract.createdAt().toString();
        item.updatedAt = contract.updatedAt().toString();
        return item;
    }

    Contract toDomain() {
        return new Contract(tenantId, contractId, partnerId, title, LocalDate.parse(startDate), LocalDate.parse(endDate),
                new Money(valueAmount, currency), new Money(balance == null ? BigDecimal.ZERO : balance, currency),
                ContractStatus.valueOf(status), version, Instant.parse(createdAt), Instant.parse(updatedAt));
    }

    /**
     * A contract of the priming ids converted to its item and back, as a stored contract is read (ADR 0016): the
     * enhanced client's conversions of every attribute, which a read that finds nothing never runs.
     */
    static Contract primeConversion(Instant now) {
        Contract contract = new Contract(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID,
                LocalDate.EPOCH, LocalDate.EPOCH, Money.of("1.00", "EUR"), Money.of("1.00", "EUR"), ContractStatus.ACTIVE, 1, now, now);
        return SCHEMA.mapToItem(SCHEMA.itemToMap(from(contract), true)).toDomain();
    }

    static String key(String tenantId, String contractId) {
        return Keys.entity(tenantId, TYPE, contractId);
    }

    static String statusPartition(String tenantId, ContractStatus status) {
        return Keys.byStatus(tenantId, COLLECTION, status.name());
    }

    /** {@code TENANT#t#PARTNER#p}: a partner's contracts in the byParent index. */
    static String partnerPartition(String tenantId, String partnerId) {
        return PartnerItem.key(tenantId, partnerId);
    }

    /** {@code 2026-12-31#t#c}: orders the expiry index by end date. */
    static String endDateKey(String tenantId, String contractId, LocalDate endDate) {
        return endDate + "#" + tenantId + "#" + contractId;
    }

    public String getGsi3pk() { return gsi3pk; }
    public void setGsi3pk(String gsi3pk) { this.gsi3pk = gsi3pk; }
    public String getGsi4pk() { return gsi4pk; }
    public void setGsi4pk(String gsi4pk) { this.gsi4pk = gsi4pk; }
    public String getGsi4sk() { return gsi4sk; }
    public void setGsi4sk(String gsi4sk) { this.gsi4sk = gsi4sk; }
    public String getContractId() { return contractId; }
    public void setContractId(String contractId) { this.contractId = contractId; }
    public String getPartnerId() { return partnerId; }
    public void setPartnerId(String partnerId) { this.partnerId = partnerId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getStartDate() { return startDate; }
    public void setStartDate(String startDate) { this.startDate = startDate; }
    public String getEndDate() { return endDate; }
    public void setEndDate(String endDate) { this.endDate = endDate; }
    public BigDecimal getValueAmount() { return valueAmount; }
    public void setValueAmount(BigDecimal valueAmount) { this.valueAmount = valueAmount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public BigDecimal getBalance() { return balance; }
    public void setBalance(BigDecimal balance) { this.balance = balance; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
