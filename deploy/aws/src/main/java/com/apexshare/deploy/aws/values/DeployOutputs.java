package com.apexshare.deploy.aws.values;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What {@code cdk deploy --outputs-file <file>} wrote: {@code {"<stack name>": {"<output key>": "<value>"}}}. */
public final class DeployOutputs {

    private final Map<String, Map<String, String>> byStack;

    public DeployOutputs(Map<String, Map<String, String>> byStack) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        byStack.forEach((stack, outputs) -> copy.put(stack, Map.copyOf(outputs)));
        this.byStack = Map.copyOf(copy);
    }

    public static DeployOutputs read(Path file) {
        try {
            return new DeployOutputs(new ObjectMapper().readValue(Files.readString(file),
                    new TypeReference<Map<String, Map<String, String>>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the outputs file " + file
                    + " (written by cdk deploy --all -c stage=<stage> --outputs-file " + file + ")", e);
        }
    }

    public boolean hasStack(String stack) {
        return byStack.containsKey(stack);
    }

    public Optional<String> find(String stack, String key) {
        return Optional.ofNullable(byStack.getOrDefault(stack, Map.of()).get(key));
    }

    public String require(String stack, String key) {
        if (!byStack.containsKey(stack)) {
            throw new IllegalArgumentException("The outputs file has no stack " + stack + " (it has "
                    + byStack.keySet() + "): deploy it with cdk deploy --all -c stage=<stage> --outputs-file <file>");
        }
        return find(stack, key).orElseThrow(() -> new IllegalArgumentException(
                "Stack " + stack + " has no output " + key + " in the outputs file: redeploy it"));
    }
}
