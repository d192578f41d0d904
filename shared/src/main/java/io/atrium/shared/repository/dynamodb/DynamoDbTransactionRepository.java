package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.Money;
import io.atrium.shared.domain.contract.Contract;
import io.atrium.shared.domain.contract.ContractReader;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionRepository;
import io.atrium.shared.domain.transaction.TransactionType;
import io.atrium.shared.error.ConflictException;
import io.atrium.shared.error.NotFoundException;
import io.atrium.shared.paging.Page;
import io.atrium.shared.snapstart.PrimingGuard;
import io.atrium.shared.snapstart.PrimingIds;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * TransactionTable, plus the contract's {@code balance} in ContractTable, written together in one
 * TransactWriteItems whose condition on the contract (exists, ACTIVE, same currency, enough balance for
 * a refund) makes every rule hold under any concurrency (ADR 0301).
 */
public final class DynamoDbTransactionRepository implements TransactionRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;
    private final String contractTableName;
    private final ContractReader contracts;

    public DynamoDbTransactionRepository(DynamoDbClient dynamoDb, String tableName, String contractTableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.contractTableName = contractTableName;
        this.contracts = DynamoDbContractRepository.reader(dynamoDb, contractTableName);
    }

    @Override
    public Transaction record(Transaction transaction) {
        Map<String, AttributeValue> item = TransactionItem.SCHEMA.itemToMap(TransactionItem.from(transaction), true);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":change", AttributeValue.fromN(transaction.balanceChange().toPlainString()));
        values.put(":zero", AttributeValue.fromN("0"));
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":active", AttributeValue.fromS("ACTIVE"));
        values.put(":currency", AttributeValue.fromS(transaction.amount().currency()));
        values.put(":updatedAt", AttributeValue.fromS(transaction.createdAt().toString()));
        String condition = "attribute_exists(pk) AND #status = :active AND currency = :currency";
        if (transaction.type() == TransactionType.REFUND) {
            values.put(":amount", AttributeValue.fromN(transaction.amount().amount().toPlainString()));
            condition += " AND balance >= :amount";
        } else {
            // the balance after the charge stays below 10^15, the bound of every amount
            values.put(":ceiling", AttributeValue.fromN(Money.BOUND.subtract(transaction.amount().amount()).toPlainString()));
            condition += " AND (attribute_not_exists(balance) OR balance < :ceiling)";
        }
        String contractCondition = condition;
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(contractTableName)
                        .key(Map.of("pk", AttributeValue.fromS(ContractItem.key(transaction.tenantId(), transaction.contractId()))))
                        .updateExpression("SET balance = if_not_exists(balance, :zero) + :change, version = version + :one, updatedAt = :updatedAt")
                        .conditionExpression(contractCondition)
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build());
        TransactWrites.write(dynamoDb, actions, cancellation -> cancellation.failed(1)
                ? refusal(transaction, cancellation.itemAsItWas(1))
                : new ConflictException("A transaction with this id already exists."));
        return transaction;
    }

    /**
     * Before the SnapStart snapshot of the function that records transactions (ADR 0016; its policy allows these
     * calls), what its first transaction does beyond the route's priming request, which stops at the service's read
     * of a contract that does not exist: a transaction of the priming ids is recorded with every write refused
     * ({@link PrimingGuard}), so its item, the TransactWriteItems, the refusal and its explanation run and nothing is
     * written; then a contract and the transaction are converted to their items and back, as a stored contract is read.
     */
    public void primeRecord() {
        Transaction transaction = new Transaction(PrimingIds.TENANT_ID, PrimingIds.ITEM_ID, PrimingIds.ITEM_ID,
                TransactionType.CHARGE, Money.of("1.00", "EUR"), PrimingIds.ITEM_ID, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        PrimingGuard.expectRefused("transaction", () -> record(transaction));
        TransactionItem.SCHEMA.mapToItem(TransactionItem.SCHEMA.itemToMap(TransactionItem.from(transaction), true)).toDomain();
        ContractItem.primeConversion(transaction.createdAt());
    }

    /** Explains a failed contract condition from the contract as it was (or as it is, if DynamoDB did not return it). */
    private RuntimeException refusal(Transaction transaction, Optional<Map<String, AttributeValue>> asItWas) {
        Optional<Contract> contract = asItWas.isPresent()
                ? asItWas.filter(item -> !item.isEmpty()).map(item -> ContractItem.SCHEMA.mapToItem(item).toDomain())
                : contracts.find(transaction.tenantId(), transaction.contractId());
        if (contract.isEmpty()) {
            return contractNotFound(transaction.contractId());
        }
        // when the contract matched again by the time it was read, a concurrent change made the balance fail
        return transaction.refusalBy(contract.get()).<RuntimeException>map(e -> e).orElseGet(() -> transaction.type() == TransactionType.REFUND
                ? new ConflictException("The refund is larger than the contract's balance; a balance may not go below zero.")
                : new ConflictException("The charge would take the contract's balance past " + Money.MAX_INTEGER_DIGITS
                        + " digits before the decimal point; nothing was written."));
    }

    @Override
    public Optional<Transaction> find(String tenantId, String transactionId) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("pk", AttributeValue.fromS(TransactionItem.key(tenantId, transactionId))))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(TransactionItem.SCHEMA.mapToItem(item).toDomain());
    }

    @Override
    public Page<Transaction> listByContract(String tenantId, String contractId, int limit, Map<String, String> startKey) {
        return QueryPages.newestFirst(dynamoDb, tableName, TransactionItem.SCHEMA, "byParent",
                TransactionItem.contractPartition(tenantId, contractId), limit, startKey, TransactionItem::toDomain);
    }

    static NotFoundException contractNotFound(String contractId) {
        return new NotFoundException("contractId: no contract " + contractId + " exists.", contractId);
    }
}
