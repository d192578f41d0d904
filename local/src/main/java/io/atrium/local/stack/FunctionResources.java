package io.atrium.local.stack;

import io.atrium.local.lambda.LocalFunction;
import io.atrium.local.lambda.LocalLayer;
import io.atrium.local.template.MapNode;
import io.atrium.local.template.Node;
import io.atrium.local.template.ScalarNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Functions (java runtimes, a {@code CodeUri} jar, zip of the jar's entries or classes folder), each loaded lazily in its own class loader
 * with its template environment; then each of its {@code Events} entries is bound by the {@link FunctionEvents}
 * of its type.
 */
final class FunctionResources implements ResourceProvisioner {

    @Override
    public List<String> types() {
        return List.of("AWS::Serverless::Function");
    }

    @Override
    public void name(StackBuild build, Resource resource) {
        String name = build.physicalName(resource, "FunctionName");
        build.functionNames.put(resource.logicalId(), name.length() > 64 ? name.substring(0, 64) : name);
    }

    @Override
    public void provision(StackBuild build, List<Resource> resources) {
        for (Resource resource : resources) {
            String id = resource.logicalId();
            MapNode props = build.resolver.resolvedProperties(id);
            LocalFunction fn = function(build, id, props);
            build.functions.put(id, fn);
            build.registry.function(build.resources.functionArn(id), fn);
            Node events = props.get("Events");
            if (events != null) {
                for (Node entry : events.asMap().entries().values()) {
                    bind(build, id, fn, entry.asMap());
                }
            }
        }
    }

    private static void bind(StackBuild build, String id, LocalFunction fn, MapNode event) {
        Node type = event.require("Type");
        FunctionEvents binder = ResourceTypes.FUNCTION_EVENTS.get(type.asText());
        if (binder == null) {
            throw type.error("event type " + type.asText() + " is not emulated by the local runtime");
        }
        binder.bind(build, id, fn, event);
    }

    private static LocalFunction function(StackBuild build, String id, MapNode props) {
        for (String unsupported : List.of("ImageUri", "InlineCode")) {
            if (props.has(unsupported)) {
                throw props.get(unsupported).error(unsupported + " is not emulated: give the function a CodeUri jar");
            }
        }
        Node runtime = props.get("Runtime");
        if (runtime == null || !runtime.asText().startsWith("java")) {
            throw (runtime == null ? props : runtime).error("only java runtimes are emulated (Runtime: "
                    + (runtime == null ? "missing" : runtime.asText()) + ")");
        }
        int timeout = props.has("Timeout") ? props.get("Timeout").asInt() : 3;
        int memory = props.has("MemorySize") ? props.get("MemorySize").asInt() : 128;
        StackDefinition def = build.definition;
        return new LocalFunction(new LocalFunction.Config(def.name(), id, build.functionNames.get(id),
                build.resources.functionArn(id), props.require("Handler").asText(), code(def, props),
                layers(build, props), environment(build, props), timeout, memory), build.workDir);
    }

    private static Path code(StackDefinition def, MapNode props) {
        Node codeUri = props.require("CodeUri");
        if (!(codeUri instanceof ScalarNode)) {
            throw codeUri.error("only a local path is emulated for CodeUri");
        }
        Path code = def.dir().resolve(codeUri.asText()).normalize();
        Path classes = def.dir().resolve("target/classes");
        // a .zip deployable is a copy of the function jar (ADR 0504)
        boolean jar = code.toString().endsWith(".jar") || code.toString().endsWith(".zip");
        if (Files.exists(code) && !(jar && compiledAfter(classes, code))) {
            return code;
        }
        if (jar && Files.isDirectory(classes)) {
            // not packaged yet, or packaged before the last compile (tests run before `package`): the compiled classes
            return classes;
        }
        throw codeUri.error(code + " does not exist: build it first (mvn -q -DskipTests package)");
    }

    /** Whether a class under {@code classes} was compiled after {@code jar} was written (the jar is stale). */
    private static boolean compiledAfter(Path classes, Path jar) {
        if (!Files.isDirectory(classes)) {
            return false;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(classes)) {
            long packaged = Files.getLastModifiedTime(jar).toMillis();
            return files.filter(f -> f.toString().endsWith(".class"))
                    .anyMatch(f -> FunctionResources.modified(f) > packaged);
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private static List<LocalLayer> layers(StackBuild build, MapNode props) {
        List<LocalLayer> layers = new ArrayList<>();
        Node layerList = props.get("Layers");
        if (layerList != null) {
            for (Node l : layerList.asList()) {
                LocalLayer layer = build.registry.layer(l.asText());
                if (layer == null) {
                    throw l.error("layer " + l.asText() + " is not published by any started stack");
                }
                layers.add(layer);
            }
        }
        return layers;
    }

    private static Map<String, String> environment(StackBuild build, MapNode props) {
        Map<String, String> env = new LinkedHashMap<>();
        Node environment = props.get("Environment");
        Node variables = environment == null ? null : environment.asMap().get("Variables");
        if (variables != null) {
            for (Map.Entry<String, Node> v : variables.asMap().entries().entrySet()) {
                if (!(v.getValue() instanceof ScalarNode)) {
                    throw v.getValue().error("an environment variable must be a string");
                }
                env.put(v.getKey(), v.getValue().asText());
            }
        }
        env.put("AWS_ENDPOINT_URL_DYNAMODB", build.dynamoDbEndpoint.toString());
        if (build.registry.sqs() != null) {
            env.put("AWS_ENDPOINT_URL_SQS", build.registry.sqs().endpoint().toString());
        }
        if (build.registry.telemetry() != null) {
            // Lambda names its X-Ray daemon here; locally the runtime listens, and the console shows the spans
            env.put("AWS_XRAY_DAEMON_ADDRESS", build.registry.telemetry().daemonAddress());
        }
        if (build.registry.cognito() != null) {
            // Cognito's issuer URLs become the local issuer's, and the Cognito SDK reaches the local Cognito
            env.replaceAll((k, v) -> build.registry.cognito().localize(v));
            env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", build.registry.cognito().endpoint().toString());
        }
        return env;
    }
}
