package io.atrium.partner.handler;

import static io.atrium.shared.testing.ApiEvents.as;
import static io.atrium.shared.testing.ApiEvents.created;
import static io.atrium.shared.testing.ApiEvents.event;

import io.atrium.shared.api.ProxyRequestEvent;
import io.atrium.partner.service.PartnerService;
import io.atrium.shared.idempotency.Idempotency;
import io.atrium.shared.repository.dynamodb.DynamoDbPartnerRepository;
import io.atrium.shared.testing.ApiEvents;
import io.atrium.shared.testing.TestTables;
import io.atrium.shared.domain.tenant.OwnedIds;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The partner handlers wired to real tables in DynamoDB Local, fed with recorded API Gateway events. */
final class PartnerFixture {
    final DynamoDbClient dynamoDb;
    final String partnerTable;
    final PartnerService service;
    final CreatePartnerHandler create;
    final GetPartnerHandler get;
    final ListPartnersHandler list;
    final UpdatePartnerHandler update;
    final DeletePartnerHandler delete;

    PartnerFixture(String prefix) {
        this(TestTables.create(prefix));
    }

    PartnerFixture(TestTables tables) {
        dynamoDb = tables.client();
        partnerTable = tables.name("PartnerTable");
        service = new PartnerService(new DynamoDbPartnerRepository(dynamoDb, tables.enhanced(), partnerTable),
                TestTables.paginator(), new OwnedIds(TestTables.SECRET), Clock.systemUTC());
        Idempotency idempotency = tables.idempotency();
        create = new CreatePartnerHandler(service, idempotency);
        get = new GetPartnerHandler(service);
        list = new ListPartnersHandler(service);
        update = new UpdatePartnerHandler(service);
        delete = new DeletePartnerHandler(service);
    }

    static ProxyRequestEvent withPartnerId(ProxyRequestEvent event, String partnerId) {
        return ApiEvents.withPathParameter(event, "partnerId", partnerId);
    }

    /** Creates a partner for a tenant through the handler and returns its id. */
    String createPartner(String tenantId, String name) {
        ProxyRequestEvent event = as(event("create-partner.json"), tenantId);
        event.setBody("{\"name\":\"" + name + "\",\"email\":\"ops@example.com\",\"country\":\"NL\"}");
        return created(create.respond(event, null)).get("id").textValue();
    }
}
