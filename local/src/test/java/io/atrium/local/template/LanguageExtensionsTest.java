package io.atrium.local.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fn::ForEach as CloudFormation's AWS::LanguageExtensions expands it (the tier usage plans of every stack use it). */
class LanguageExtensionsTest {

    private static final String HEAD = """
            Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]
            Resources:
            """;

    private static Template parse(String resources) {
        return Template.parse(HEAD + resources, "loop.yaml");
    }

    @Test
    void eachValueGetsItsCopyWithIdentifierReplacedInKeysStringsAndRefs() {
        Template t = parse("""
                  Fn::ForEach::Plans:
                    - Tier
                    - [Basic, Premium]
                    - ${Tier}Plan:
                        Type: AWS::ApiGateway::UsagePlan
                        Properties:
                          UsagePlanName: !Sub '${AWS::StackName}-${Tier}'
                          Description: '&{Tier} tier'
                          Quota: {Limit: !FindInMap [Tiers, !Ref Tier, Quota]}
                      ${Tier}PlanKey:
                        Type: AWS::ApiGateway::UsagePlanKey
                        Properties:
                          UsagePlanId: !Ref {'Fn::Sub': '${Tier}Plan'}
                          Arn: !GetAtt [!Sub '${Tier}Plan', Id]
                """);
        assertEquals(List.of("BasicPlan", "BasicPlanKey", "PremiumPlan", "PremiumPlanKey"),
                List.copyOf(t.resources().keys()));
        Map<?, ?> plan = (Map<?, ?>) t.resource("PremiumPlan").orElseThrow().get("Properties").toJava();
        assertEquals(Map.of("Fn::Sub", "${AWS::StackName}-Premium"), plan.get("UsagePlanName"));
        assertEquals("Premium tier", plan.get("Description"));
        assertEquals(Map.of("Limit", Map.of("Fn::FindInMap", List.of("Tiers", "Premium", "Quota"))), plan.get("Quota"));
        Map<?, ?> key = (Map<?, ?>) t.resource("BasicPlanKey").orElseThrow().get("Properties").toJava();
        assertEquals(Map.of("Ref", "BasicPlan"), key.get("UsagePlanId"));
        assertEquals(Map.of("Fn::GetAtt", List.of("BasicPlan", "Id")), key.get("Arn"));
    }

    @Test
    void nestedLoopsMultiply() {
        Template t = parse("""
                  Fn::ForEach::Outer:
                    - A
                    - [X, Y]
                    - Fn::ForEach::Inner:
                        - B
                        - ['1', '2']
                        - Topic${A}${B}:
                            Type: AWS::SNS::Topic
                """);
        assertEquals(List.of("TopicX1", "TopicX2", "TopicY1", "TopicY2"), List.copyOf(t.resources().keys()));
    }

    @Test
    void loopsInOutputsToo() {
        Template t = Template.parse(HEAD + """
                  Topic:
                    Type: AWS::SNS::Topic
                Outputs:
                  Fn::ForEach::Ids:
                    - Tier
                    - [Basic]
                    - ${Tier}Id:
                        Value: !Sub '${Tier}'
                """, "loop.yaml");
        assertEquals(Map.of("BasicId", Map.of("Value", Map.of("Fn::Sub", "Basic"))), t.outputs().toJava());
    }

    @Test
    void withoutTheTransformALoopStopsTheStartNamingItsLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn::ForEach::Plans:
                    - Tier
                    - [Basic]
                    - ${Tier}Plan: {Type: AWS::SNS::Topic}
                """, "loop.yaml"));
        assertTrue(e.getMessage().contains("loop.yaml:3"), e.getMessage());
        assertTrue(e.getMessage().contains("AWS::LanguageExtensions"), e.getMessage());
    }

    @Test
    void aCollectionFromAParameterIsRefusedWithItsLine() {
        TemplateException e = assertThrows(TemplateException.class, () -> parse("""
                  Fn::ForEach::Plans:
                    - Tier
                    - !Ref Tiers
                    - ${Tier}Plan: {Type: AWS::SNS::Topic}
                """));
        assertTrue(e.getMessage().contains("loop.yaml:5"), e.getMessage());
        assertTrue(e.getMessage().contains("literal list"), e.getMessage());
    }

    @Test
    void anOutputKeyWithoutTheIdentifierOrTwoCopiesOfOneKeyAreRefused() {
        assertThrows(TemplateException.class, () -> parse("""
                  Fn::ForEach::Plans:
                    - Tier
                    - [Basic, Premium]
                    - Plan: {Type: AWS::SNS::Topic}
                """));
        TemplateException twice = assertThrows(TemplateException.class, () -> parse("""
                  Fn::ForEach::Plans:
                    - Tier
                    - [Basic, Basic]
                    - ${Tier}Plan: {Type: AWS::SNS::Topic}
                """));
        assertTrue(twice.getMessage().contains("BasicPlan"), twice.getMessage());
    }
}
