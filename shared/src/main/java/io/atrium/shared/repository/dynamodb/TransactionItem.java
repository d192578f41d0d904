package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondarySortKey;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of a transaction (TransactionTable). Its NEW_IMAGE on the table's stream is what the
 * statements consumer reads, so it carries tenant, type, amount, currency and time as plain attributes.
 */
public final class TransactionItem {
    static final String TYPE = "TRANSACTION";

    public static final StaticTableSchema<TransactionItem> SCHEMA = StaticTableSchema.builder(TransactionItem.class)
            .newItemSupplier(TransactionItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(TransactionItem::getPk).setter(TransactionItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("gsi3pk").getter(TransactionItem::getGsi3pk).setter(TransactionItem::setGsi3pk)
                    .tags(secondaryPartitionKey("byParent")))
            .addAttribute(String.class, a -> a.name("gsi1sk").getter(TransactionItem::getGsi1sk).setter(TransactionItem::setGsi1sk)
                    .tags(secondarySortKey("byParent")))
            .addAttribute(String.class, a -> a.name("tenantId").getter(TransactionItem::getTenantId).setter(TransactionItem::setTenantId))
            .addAttribute(String.class, a -> a.name("transactionId").getter(TransactionItem::getTransactionId).setter(TransactionItem::setTransactionId))
            .addAttribute(String.class, a -> a.name("contractId").getter(TransactionItem::getContractId).setter(TransactionItem::setContractId))
            .addAttribute(String.class, a -> a.name("type").getter(TransactionItem::getType).setter(TransactionItem::setType))
            .addAttribute(BigDecimal.class, a -> a.name("amount").getter(TransactionItem::getAmount).setter(TransactionItem::setAmount))
            .addAttribute(String.class, a -> a.name("currency").getter(TransactionItem::getCurrency).setter(TransactionItem::setCurrency))
            .addAttribute(String.class, a -> a.name("reference").getter(TransactionItem::getReference).setter(TransactionItem::setReference))
            .addAttribute(String.class, a -> a.name("createdAt").getter(TransactionItem::getCreatedAt).setter(TransactionItem::setCreatedAt))
            .build();

    private String pk;
    private String gsi3pk;
    private String gsi1sk;
    private String tenantId;
    private String transactionId;
    private String contractId;
    private String type;
    private BigDecimal amount;
    private String currency;
    private String reference;
    private String createdAt;

    static TransactionItem from(Transaction transaction) {
        TransactionItem item = new TransactionItem();
        item.pk = key(transaction.tenantId(), transaction.id());
        item.gsi3pk = contractPartition(transaction.tenantId(), transaction.contractId());
        item.gsi1sk = Keys.created(transaction.createdAt(), transaction.id());
        item.tenantId = transaction.tenantId();
        item.transactionId = transaction.id();
        item.contractId = transaction.contractId();
        item.type = transaction.type().name();
        item.amount = transaction.amount().amount();
        item.currency = transaction.amount().currency();
        item.reference = transaction.reference();
        item.createdAt = transaction.createdAt().toString();
        return item;
    }

    /** The transaction a stream record's NEW_IMAGE holds (the statements consumer reads the table's stream). */
    public static Transaction fromImage(Map<String, AttributeValue> image) {
        return SCHEMA.mapToItem(image).toDomain();
    }

    Transaction toDomain() {
        return new Transaction(tenantId, transactionId, contractId, TransactionType.valueOf(type), new Money(amount, currency),
                reference, Instant.parse(createdAt));
    }

    static String key(String tenantId, String transactionId) {
        return Keys.entity(tenantId, TYPE, transactionId);
    }

    /** {@code TENANT#t#CONTRACT#c}: a contract's transactions in the byParent index (ADR 0001). */
    static String contractPartition(String tenantId, String contractId) {
        return ContractItem.key(tenantId, contractId);
    }

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getGsi3pk() { return gsi3pk; }
    public void setGsi3pk(String gsi3pk) { this.gsi3pk = gsi3pk; }
    public String getGsi1sk() { return gsi1sk; }
    public void setGsi1sk(String gsi1sk) { this.gsi1sk = gsi1sk; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getTransactionId() { return transactionId; }
    public void setTransactionId(String transactionId) { this.transactionId = transactionId; }
    public String getContractId() { return contractId; }
    public void setContractId(String contractId) { this.contractId = contractId; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getReference() { return reference; }
    public void setReference(String reference) { this.reference = reference; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
}
