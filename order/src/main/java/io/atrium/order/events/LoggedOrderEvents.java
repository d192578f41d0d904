package io.atrium.order.events;

import io.atrium.order.service.OrderEvents;
import io.atrium.shared.domain.order.Order;
import io.atrium.shared.log.JsonLog;
import java.util.LinkedHashMap;
import java.util.Map;

/** Records each placed order as one {@code orderPlaced} log line, until the queue and worker exist (ADR 0402). */
public final class LoggedOrderEvents implements OrderEvents {
    private final JsonLog log;

    public LoggedOrderEvents(JsonLog log) {
        this.log = log;
    }

    @Override
    public void placed(Order order) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "orderPlaced");
        line.put("tenantId", order.tenantId());
        line.put("orderId", order.id());
        line.put("lines", order.lines().size());
        line.put("total", order.total().amountText() + " " + order.total().currency());
        log.info(line);
    }
}
