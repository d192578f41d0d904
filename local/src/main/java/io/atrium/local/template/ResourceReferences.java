package io.atrium.local.template;

/**
 * What {@code Ref} and {@code Fn::GetAtt} of a resource evaluate to; the caller (the local runtime, a test)
 * decides. Return a String (or a {@code List<String>} for list attributes), or null when the reference is
 * not emulated: the resolver then fails naming the template, logical id and line.
 */
public interface ResourceReferences {

    /** Every reference fails: for reading templates without running anything. */
    ResourceReferences NONE = new ResourceReferences() {
        @Override
        public Object ref(String logicalId, String type, MapNode resource) {
            return null;
        }

        @Override
        public Object getAtt(String logicalId, String type, MapNode resource, String attribute) {
            return null;
        }
    };

    Object ref(String logicalId, String type, MapNode resource);

    Object getAtt(String logicalId, String type, MapNode resource, String attribute);
}
