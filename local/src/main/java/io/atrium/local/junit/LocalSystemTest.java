package io.atrium.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the local system: the stacks are started in this JVM once (shared by every test
 * class asking for the same root and templates) and a {@link LocalSystem} parameter receives their URLs. The class
 * is {@link EndToEnd}: it runs in {@code mvn verify}, once the stacks are packaged.
 *
 * <pre>
 * &#64;LocalSystemTest(templates = {"shared/template.yaml", "partner/template.yaml"})
 * class PartnerApiTest {
 *     &#64;Test
 *     void health(LocalSystem system) { ... system.baseUrl("partner").resolve("v1/health") ... }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@EndToEnd
@ExtendWith(LocalSystemExtension.class)
public @interface LocalSystemTest {

    /** The repository root; relative to the working directory. Empty: found by {@code ProjectLayout.root()}. */
    String root() default "";

    /** Templates relative to the root. Empty: every {@code {root}/*}/template.yaml. */
    String[] templates() default {};

    /** Load every function right after start instead of on its first request. */
    boolean warmUp() default false;
}
