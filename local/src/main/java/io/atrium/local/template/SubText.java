package io.atrium.local.template;

import java.util.function.UnaryOperator;

/** The text parts of {@code Fn::Sub} and {@code Fn::FindInMap}: what is looked up is left to the resolver. */
final class SubText {

    private SubText() {
    }

    /** {@code source} with each {@code ${name}} replaced by {@code variable(name)}; {@code ${!x}} stays {@code ${x}}. */
    static String substitute(String source, UnaryOperator<String> variable, Node at) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (true) {
            int start = source.indexOf("${", i);
            if (start < 0) {
                out.append(source, i, source.length());
                return out.toString();
            }
            out.append(source, i, start);
            int end = source.indexOf('}', start);
            if (end < 0) {
                throw at.error("Fn::Sub: unclosed ${ in '" + source + "'");
            }
            String name = source.substring(start + 2, end);
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else {
                out.append(variable.apply(name.trim()));
            }
            i = end + 1;
        }
    }

    /** {@code Mappings.mapName.top.second}, or an error naming the missing level. */
    static Node mapping(Template template, String mapName, String top, String second, Node at) {
        Node map = template.mappings().get(mapName);
        if (map == null) {
            throw at.error("Fn::FindInMap: no mapping '" + mapName + "'");
        }
        Node level = map.asMap().get(top);
        if (level == null) {
            throw at.error("Fn::FindInMap: mapping '" + mapName + "' has no key '" + top + "'");
        }
        Node value = level.asMap().get(second);
        if (value == null) {
            throw at.error("Fn::FindInMap: mapping '" + mapName + "." + top + "' has no key '" + second + "'");
        }
        return value;
    }
}
