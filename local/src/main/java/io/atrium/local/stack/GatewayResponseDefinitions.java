package io.atrium.local.stack;

import io.atrium.local.apigateway.GatewayResponse;
import io.atrium.local.apigateway.GatewayResponseType;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gateway responses as templates declare them: the {@code GatewayResponses} property of an
 * {@code AWS::Serverless::Api} (SAM's form: {@code ResponseParameters.Headers}) and
 * {@code AWS::ApiGateway::GatewayResponse} resources (API Gateway's form: {@code gatewayresponse.header.NAME}).
 * Path and query string response parameters change nothing a client sees and are accepted without effect.
 */
final class GatewayResponseDefinitions {

    private GatewayResponseDefinitions() {
    }

    /** An Api's {@code GatewayResponses} (null: none). */
    static Map<GatewayResponseType, GatewayResponse> fromSam(Node gatewayResponses) {
        Map<GatewayResponseType, GatewayResponse> out = new EnumMap<>(GatewayResponseType.class);
        if (gatewayResponses == null) {
            return out;
        }
        for (Map.Entry<String, Node> e : gatewayResponses.asMap().entries().entrySet()) {
            MapNode response = e.getValue().asMap();
            MapNode parameters = response.mapOrEmpty("ResponseParameters");
            Map<String, String> headers = texts(parameters.get("Headers"));
            out.put(type(e.getKey(), e.getValue()), response(response, headers));
        }
        return out;
    }

    /** One {@code AWS::ApiGateway::GatewayResponse} resource's type and response. */
    static Map.Entry<GatewayResponseType, GatewayResponse> fromResource(MapNode props) {
        Node typeNode = props.require("ResponseType");
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> p : texts(props.get("ResponseParameters")).entrySet()) {
            if (p.getKey().startsWith("gatewayresponse.header.")) {
                headers.put(p.getKey().substring("gatewayresponse.header.".length()), p.getValue());
            } else if (!p.getKey().startsWith("gatewayresponse.path.")
                    && !p.getKey().startsWith("gatewayresponse.querystring.")) {
                throw props.require("ResponseParameters").error("response parameter " + p.getKey()
                        + " must start with gatewayresponse.header., .path. or .querystring.");
            }
        }
        return Map.entry(type(typeNode.asText(), typeNode), response(props, headers));
    }

    private static GatewayResponseType type(String name, Node at) {
        GatewayResponseType type = GatewayResponseType.named(name);
        if (type == null) {
            throw at.error("'" + name + "' is not an API Gateway gateway response type");
        }
        return type;
    }

    private static GatewayResponse response(MapNode response, Map<String, String> headers) {
        Node status = response.get("StatusCode");
        try {
            return new GatewayResponse(status == null ? null : Integer.valueOf(status.asText().trim()), headers,
                    texts(response.get("ResponseTemplates")));
        } catch (IllegalArgumentException e) {
            throw response.error(e instanceof NumberFormatException ? "StatusCode must be a number" : e.getMessage());
        }
    }

    private static Map<String, String> texts(Node map) {
        Map<String, String> out = new LinkedHashMap<>();
        if (map != null) {
            map.asMap().entries().forEach((k, v) -> out.put(k, v.asText()));
        }
        return out;
    }
}
