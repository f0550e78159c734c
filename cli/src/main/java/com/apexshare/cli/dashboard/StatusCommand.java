package com.apexshare.cli.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import com.apexshare.cli.api.ApiException;
import com.apexshare.cli.console.CliContext;
import com.apexshare.cli.console.Sizes;
import com.apexshare.cli.signin.ApiOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code apexshare status FILE_ID}: one upload, every field the catalog has about it. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows one upload: student, session, size, state, email, downloads, expiry.")
public final class StatusCommand implements Callable<Integer> {

    private final CliContext context;

    @Mixin
    ApiOptions apiOptions;

    @Parameters(paramLabel = "FILE_ID", description = "The upload's file id (see 'apexshare recent')")
    String fileId;

    public StatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            JsonNode upload = apiOptions.api(context).upload(fileId.strip());
            context.out().print(render(upload));
            context.out().flush();
            return CliContext.OK;
        } catch (ApiException e) {
            context.err().println("apexshare status: " + e.describe());
            context.err().flush();
            return CliContext.FAILED;
        }
    }

    /** {@code name: value} lines in the server's order; nested objects as {@code outer.inner}. */
    static String render(JsonNode upload) {
        Map<String, String> lines = new LinkedHashMap<>();
        flatten("", upload, lines);
        int width = lines.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> line : lines.entrySet()) {
            out.append(line.getKey()).append(':').append(" ".repeat(width - line.getKey().length() + 1))
                    .append(line.getValue()).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> lines) {
        if (node == null || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), lines);
            }
        } else if (node.isArray()) {
            StringBuilder joined = new StringBuilder();
            for (JsonNode element : node) {
                joined.append(joined.isEmpty() ? "" : ", ").append(element.isValueNode() ? element.asString()
                        : element.toString());
            }
            lines.put(prefix, joined.toString());
        } else {
            String value = node.isNull() ? "-" : node.asString();
            if ("fileSize".equals(prefix) && node.isNumber()) {
                value = Sizes.bytes(node.asLong()) + " (" + node.asLong() + " bytes)";
            }
            lines.put(prefix, value);
        }
    }
}
