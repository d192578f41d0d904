package io.atrium.local.template;

/**
 * Values for {@code {{resolve:secretsmanager:...}}} and {@code {{resolve:ssm:...}}} references and for
 * {@code AWS::SSM::Parameter::Value<...>} parameters. Return null for an unknown name: the resolver then
 * fails naming the template and line.
 */
public interface DynamicReferences {

    DynamicReferences NONE = new DynamicReferences() {
        @Override
        public String secret(String secretId, String jsonKey) {
            return null;
        }

        @Override
        public String ssmParameter(String name) {
            return null;
        }
    };

    /**
     * @param secretId the secret's name or ARN
     * @param jsonKey  the key inside a JSON SecretString, or null for the whole SecretString
     */
    String secret(String secretId, String jsonKey);

    String ssmParameter(String name);
}
