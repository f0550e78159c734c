package com.apexshare.deploy.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import software.amazon.awscdk.assertions.Template;

/** Reading synthesized CloudFormation in tests: resources by type, values as text, policy statements. */
public final class Cfn {

    private Cfn() {
    }

    /** Logical id to resource, for every resource of the type. */
    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Object>> resources(Template template, String type) {
        Map<String, Object> all = (Map<String, Object>) template.toJSON().getOrDefault("Resources", Map.of());
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        all.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    /** The only resource of the type. */
    public static Map.Entry<String, Map<String, Object>> only(Template template, String type) {
        Map<String, Map<String, Object>> found = resources(template, type);
        if (found.size() != 1) {
            throw new AssertionError("Expected exactly one " + type + ", found " + found.keySet());
        }
        return found.entrySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> properties(Map<String, Object> resource) {
        return (Map<String, Object>) resource.getOrDefault("Properties", Map.of());
    }

    /** A nested value by dotted path, e.g. {@code "BucketEncryption.ServerSideEncryptionConfiguration"}. */
    @SuppressWarnings("unchecked")
    public static Object at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = ((Map<String, Object>) map).get(part);
            } else if (current instanceof List<?> list && part.matches("\\d+")) {
                current = list.get(Integer.parseInt(part));
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> outputs(Template template) {
        return (Map<String, Object>) template.toJSON().getOrDefault("Outputs", Map.of());
    }

    /**
     * A CloudFormation string value as text: Fn::Join joined, the partition and URL suffix as in the commercial
     * partition, other Refs and GetAtts as {@code ${LogicalId}} / {@code ${LogicalId.Attribute}}.
     */
    @SuppressWarnings("unchecked")
    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map<String, Object> m = (Map<String, Object>) map;
            if (m.containsKey("Fn::Join")) {
                List<Object> join = (List<Object>) m.get("Fn::Join");
                return ((List<Object>) join.get(1)).stream().map(Cfn::text)
                        .collect(Collectors.joining((String) join.get(0)));
            }
            if (m.containsKey("Ref")) {
                return switch ((String) m.get("Ref")) {
                    case "AWS::Partition" -> "aws";
                    case "AWS::URLSuffix" -> "amazonaws.com";
                    default -> "${" + m.get("Ref") + "}";
                };
            }
            if (m.containsKey("Fn::GetAtt")) {
                List<Object> getAtt = (List<Object>) m.get("Fn::GetAtt");
                return "${" + getAtt.get(0) + "." + getAtt.get(1) + "}";
            }
        }
        throw new AssertionError("Not a string value: " + value);
    }

    /** A value that is one string or a list of them, as a sorted set of texts. */
    public static Set<String> texts(Object value) {
        Set<String> texts = new TreeSet<>();
        if (value == null) {
            return texts;
        }
        if (value instanceof List<?> list) {
            list.forEach(v -> texts.add(text(v)));
        } else {
            texts.add(text(value));
        }
        return texts;
    }

    /** One IAM policy statement, every value as text. */
    public record Statement(String sid, String effect, Set<String> actions, Set<String> resources,
            Map<String, Set<String>> principals, Map<String, Map<String, Set<String>>> conditions) {
    }

    @SuppressWarnings("unchecked")
    public static List<Statement> statements(Object policyDocument) {
        List<Statement> statements = new ArrayList<>();
        for (Object s : (List<Object>) at(policyDocument, "Statement")) {
            Map<String, Object> m = (Map<String, Object>) s;
            Map<String, Set<String>> principals = new LinkedHashMap<>();
            Object principal = m.get("Principal");
            if (principal instanceof Map<?, ?> p) {
                ((Map<String, Object>) p).forEach((kind, who) -> principals.put(kind, texts(who)));
            }
            statements.add(new Statement((String) m.get("Sid"), (String) m.get("Effect"), texts(m.get("Action")),
                    texts(m.get("Resource")), principals, conditions(m.get("Condition"))));
        }
        return statements;
    }

    /** Condition operator to key to values, as text. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Set<String>>> conditions(Object condition) {
        Map<String, Map<String, Set<String>>> conditions = new LinkedHashMap<>();
        if (condition instanceof Map<?, ?> byOperator) {
            ((Map<String, Object>) byOperator).forEach((operator, keys) -> {
                Map<String, Set<String>> values = new LinkedHashMap<>();
                ((Map<String, Object>) keys).forEach((key, value) -> values.put(key, texts(value)));
                conditions.put(operator, values);
            });
        }
        return conditions;
    }

    /** The statement with this Sid. */
    public static Statement statement(List<Statement> statements, String sid) {
        return statements.stream().filter(s -> sid.equals(s.sid())).findFirst()
                .orElseThrow(() -> new AssertionError("No statement " + sid + " in " + statements));
    }
}
