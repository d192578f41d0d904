package io.atrium.local.template;

/**
 * Where a template node came from: the template as shown to users (e.g. {@code partner/template.yaml}),
 * the 1-based source line and the dotted path of keys leading to it
 * (e.g. {@code Resources.GetPartnerFunction.Properties.Environment}).
 */
public record Location(String file, int line, String path) {

    public Location child(String key, int childLine) {
        return new Location(file, childLine, path.isEmpty() ? key : path + "." + key);
    }

    public Location item(int index, int childLine) {
        return new Location(file, childLine, path + "[" + index + "]");
    }

    /** The logical id of the resource, parameter, output... this location is under, or "" at the top. */
    public String logicalId() {
        String[] parts = path.split("\\.", 3);
        return parts.length >= 2 ? parts[1].replaceAll("\\[.*", "") : "";
    }

    @Override
    public String toString() {
        return file + ":" + line + (path.isEmpty() ? "" : ": " + path);
    }
}
