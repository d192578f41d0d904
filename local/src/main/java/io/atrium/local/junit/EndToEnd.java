package io.atrium.local.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Puts a test class in the end-to-end tier: it runs in {@code mvn verify} (failsafe, after {@code package}, so the
 * stacks' jars and the layer zip it runs are built), not in {@code mvn test}. {@link LocalSystemTest} carries it;
 * a class that registers {@link LocalSystemExtension} in code declares it, or the extension refuses to start.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(EndToEnd.TAG)
public @interface EndToEnd {

    /** The JUnit tag; the parent pom selects the tiers by it ({@code tests.endToEndTags}). */
    String TAG = "e2e";
}
