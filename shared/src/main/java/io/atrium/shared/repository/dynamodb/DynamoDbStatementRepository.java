package io.atrium.shared.repository.dynamodb;

import io.atrium.shared.domain.transaction.MonthlyStatement;
import io.atrium.shared.domain.transaction.StatementRepository;
import io.atrium.shared.domain.transaction.Transaction;
import io.atrium.shared.domain.transaction.TransactionType;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * StatementTable: one item per tenant and month ({@code TENANT#t#STATEMENT#2026-11}) whose totals are
 * top-level numbers per currency ({@code charged_EUR}, {@code refunded_EUR}, {@code count_EUR}), so a
 * post is a single atomic ADD. A marker item per posted transaction, written in the same transaction
 * with {@code attribute_not_exists}, makes a redelivered stream record change nothing.
 */
public final class DynamoDbStatementRepository implements StatementRepository {
    private static final String CHARGED = "charged_";
    private static final String REFUNDED = "refunded_";
    private static final String COUNT = "count_";

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbStatementRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    static YearMonth monthOf(Transaction transaction) {
        return YearMonth.from(transaction.createdAt().atZone(ZoneOffset.UTC));
    }

    static String key(String tenantId, YearMonth month) {
        return Keys.tenantPrefix(tenantId) + "STATEMENT#" + month;
    }

    @Override
    public boolean post(Transaction transaction) {
        YearMonth month = monthOf(transaction);
        String statementKey = key(transaction.tenantId(), month);
        String currency = transaction.amount().currency();
        String total = (transaction.type() == TransactionType.CHARGE ? CHARGED : REFUNDED) + currency;
        Map<String, AttributeValue> marker = Map.of(
                "pk", AttributeValue.fromS(Keys.entity(transaction.tenantId(), "STATEMENT#" + month + "#" + TransactionItem.TYPE, transaction.id())),
                "tenantId", AttributeValue.fromS(transaction.tenantId()),
                "transactionId", AttributeValue.fromS(transaction.id()));
        // the marker's condition fails when the transaction was posted before: nothing changes, nothing to throw
        return TransactWrites.write(dynamoDb, List.of(
                TransactWriteItem.builder().put(p -> p.tableName(tableName).item(marker)
                        .conditionExpression("attribute_not_exists(pk)")).build(),
                TransactWriteItem.builder().update(u -> u.tableName(tableName)
                        .key(Map.of("pk", AttributeValue.fromS(statementKey)))
                        .updateExpression("SET tenantId = :tenant, #month = :month ADD #total :amount, #count :one")
                        .expressionAttributeNames(Map.of("#month", "month", "#total", total, "#count", COUNT + currency))
                        .expressionAttributeValues(Map.of(
                                ":tenant", AttributeValue.fromS(transaction.tenantId()),
                                ":month", AttributeValue.fromS(month.toString()),
                                ":amount", AttributeValue.fromN(transaction.amount().amount().toPlainString()),
                                ":one", AttributeValue.fromN("1")))).build()),
                cancellation -> null);
    }

    @Override
    public Optional<MonthlyStatement> find(String tenantId, YearMonth month) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(tableName)
                .key(Map.of("pk", AttributeValue.fromS(key(tenantId, month))))
                .consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Map<String, MonthlyStatement.Totals> totals = new TreeMap<>();
        item.forEach((name, value) -> {
            if (name.startsWith(COUNT)) {
                String currency = name.substring(COUNT.length());
                totals.put(currency, new MonthlyStatement.Totals(number(item, CHARGED + currency), number(item, REFUNDED + currency),
                        Long.parseLong(value.n())));
            }
        });
        return Optional.of(new MonthlyStatement(tenantId, month, totals));
    }

    private static BigDecimal number(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.n());
    }
}
