package io.atrium.shared.repository.dynamodb;

import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.primaryPartitionKey;
import static software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags.secondaryPartitionKey;

import io.atrium.shared.api.Ids;
import io.atrium.shared.domain.tenant.Client;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The stored shape of an OAuth2 client (TenantTable, {@code TENANT#{tenantId}#CLIENT#{clientId}}), found by
 * client id alone through index byClient ({@code gsi1pk = CLIENT#{clientId}}) when a token is issued.
 */
public final class ClientItem {
    static final String TYPE = "CLIENT";

    public static final StaticTableSchema<ClientItem> SCHEMA = StaticTableSchema.builder(ClientItem.class)
            .newItemSupplier(ClientItem::new)
            .addAttribute(String.class, a -> a.name("pk").getter(ClientItem::getPk).setter(ClientItem::setPk).tags(primaryPartitionKey()))
            .addAttribute(String.class, a -> a.name("gsi1pk").getter(ClientItem::getGsi1pk).setter(ClientItem::setGsi1pk)
                    .tags(secondaryPartitionKey("byClient")))
            .addAttribute(String.class, a -> a.name("type").getter(ClientItem::getType).setter(ClientItem::setType))
            .addAttribute(String.class, a -> a.name("tenantId").getter(ClientItem::getTenantId).setter(ClientItem::setTenantId))
            .addAttribute(String.class, a -> a.name("clientId").getter(ClientItem::getClientId).setter(ClientItem::setClientId))
            .addAttribute(String.class, a -> a.name("name").getter(ClientItem::getName).setter(ClientItem::setName))
            .addAttribute(EnhancedType.listOf(String.class), a -> a.name("scopes").getter(ClientItem::getScopes).setter(ClientItem::setScopes))
            .addAttribute(String.class, a -> a.name("createdAt").getter(ClientItem::getCreatedAt).setter(ClientItem::setCreatedAt))
            .build();

    private String pk;
    private String gsi1pk;
    private String type;
    private String tenantId;
    private String clientId;
    private String name;
    private List<String> scopes;
    private String createdAt;

    static ClientItem from(Client client) {
        ClientItem item = new ClientItem();
        item.pk = key(client.tenantId(), client.clientId());
        item.gsi1pk = byClient(client.clientId());
        item.type = TYPE;
        item.tenantId = client.tenantId();
        item.clientId = client.clientId();
        item.name = client.name();
        item.scopes = client.scopes();
        item.createdAt = client.createdAt().toString();
        return item;
    }

    Client toDomain() {
        return new Client(tenantId, clientId, name, scopes == null ? List.of() : scopes, Instant.parse(createdAt));
    }

    /** {@code TENANT#{tenantId}#CLIENT#{clientId}}. */
    static String key(String tenantId, String clientId) {
        return Keys.entity(tenantId, TYPE, clientId);
    }

    /** {@code CLIENT#{clientId}}: the byClient partition, a lookup by an id the identity provider issued. */
    static String byClient(String clientId) {
        if (!Ids.isValid(clientId)) {
            throw new IllegalArgumentException("client id is not valid");
        }
        return TYPE + "#" + clientId;
    }

    public String getPk() { return pk; }
    public void setPk(String pk) { this.pk = pk; }
    public String getGsi1pk() { return gsi1pk; }
    public void setGsi1pk(String gsi1pk) { this.gsi1pk = gsi1pk; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getTenantId() { return tenantId; }
    public void setTenantId(String tenantId) { this.tenantId = tenantId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes; }
    public String getCreatedAt() { return createdAt; }
    public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
}
