package io.atrium.local.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The resource tree of one REST API, matched as API Gateway matches it: a literal segment before a
 * {@code {param}}, a {@code {param}} before a greedy {@code {proxy+}}.
 */
public final class RouteTable {

    /** A matched resource: its routes by method and the path parameters taken from the request. */
    public record Match(Resource resource, Map<String, String> pathParameters) {
    }

    /** One resource (path) and its methods. */
    public static final class Resource {
        private final String path;
        private final Map<String, Route> methods = new LinkedHashMap<>();
        private final Map<String, Resource> literal = new LinkedHashMap<>();
        private Resource param;
        private String paramName;
        private Resource greedy;
        private String greedyName;

        Resource(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        /** The route for {@code method}, falling back to an {@code ANY} route; null when none. */
        public Route route(String method) {
            Route r = methods.get(method);
            return r != null ? r : methods.get("ANY");
        }

        public Map<String, Route> methods() {
            return methods;
        }

        /** Methods for a CORS preflight's default Access-Control-Allow-Methods, as SAM lists them. */
        public String allowedMethods() {
            TreeSet<String> all = new TreeSet<>(methods.keySet());
            if (all.remove("ANY")) {
                all.addAll(List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"));
            }
            all.add("OPTIONS");
            return String.join(",", all);
        }
    }

    private final Resource root = new Resource("/");
    private final List<Route> routes = new ArrayList<>();

    /** Adds a route; a second route for the same method and path is an error. */
    public void add(Route route) {
        Resource node = root;
        StringBuilder path = new StringBuilder();
        for (String segment : segments(route.resourcePath())) {
            path.append('/').append(segment);
            if (segment.startsWith("{") && segment.endsWith("+}")) {
                String name = segment.substring(1, segment.length() - 2);
                if (node.greedy == null) {
                    node.greedy = new Resource(path.toString());
                    node.greedyName = name;
                } else if (!node.greedyName.equals(name)) {
                    throw new IllegalArgumentException("two greedy parameters under " + node.path);
                }
                node = node.greedy;
            } else if (segment.startsWith("{") && segment.endsWith("}")) {
                String name = segment.substring(1, segment.length() - 1);
                if (node.param == null) {
                    node.param = new Resource(path.toString());
                    node.paramName = name;
                } else if (!node.paramName.equals(name)) {
                    throw new IllegalArgumentException("path " + route.resourcePath() + " names a parameter {" + name
                            + "} where another route has {" + node.paramName + "}");
                }
                node = node.param;
            } else {
                node = node.literal.computeIfAbsent(segment, s -> new Resource(path.toString()));
            }
        }
        if (node.methods.putIfAbsent(route.method(), route) != null) {
            throw new IllegalArgumentException("two routes for " + route.method() + " " + route.resourcePath());
        }
        routes.add(route);
    }

    public List<Route> routes() {
        return routes;
    }

    /** The resource for a request path's decoded segments (below the stage), or null: API Gateway then answers 403. */
    public Match match(List<String> segments) {
        Map<String, String> params = new LinkedHashMap<>();
        Resource r = match(root, segments, 0, params);
        return r == null ? null : new Match(r, params.isEmpty() ? Map.of() : params);
    }

    private static Resource match(Resource node, List<String> segments, int i, Map<String, String> params) {
        if (i == segments.size()) {
            return node.methods.isEmpty() ? null : node;
        }
        String segment = segments.get(i);
        Resource literal = node.literal.get(segment);
        if (literal != null) {
            Resource r = match(literal, segments, i + 1, params);
            if (r != null) {
                return r;
            }
        }
        if (node.param != null) {
            params.put(node.paramName, segment);
            Resource r = match(node.param, segments, i + 1, params);
            if (r != null) {
                return r;
            }
            params.remove(node.paramName);
        }
        if (node.greedy != null && !node.greedy.methods.isEmpty()) {
            params.put(node.greedyName, String.join("/", segments.subList(i, segments.size())));
            return node.greedy;
        }
        return null;
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
