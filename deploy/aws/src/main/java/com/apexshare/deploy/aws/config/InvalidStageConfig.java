package com.apexshare.deploy.aws.config;

import java.util.List;

/** A stage configuration that cannot be deployed; names every problem at once. */
public class InvalidStageConfig extends RuntimeException {

    private final List<String> problems;

    InvalidStageConfig(String source, List<String> problems) {
        super(source + " is invalid:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
