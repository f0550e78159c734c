package com.apexshare.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Dockerfile as its instructions (continuation lines joined, comments dropped). */
record Dockerfiles(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    /** The one Dockerfile of every image, at the repository root. */
    static Dockerfiles root() {
        return parse(Repository.read(Repository.DOCKERFILE));
    }

    static Dockerfiles parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String full = current.toString().strip();
            current.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            int space = full.indexOf(' ');
            instructions.add(new Instruction(full.substring(0, space).toUpperCase(), full.substring(space + 1).strip()));
        }
        return new Dockerfiles(List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    Optional<String> last(String keyword) {
        List<String> all = all(keyword);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The instructions of the last stage (from its FROM on). */
    Dockerfiles finalStage() {
        int from = 0;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                from = i;
            }
        }
        return new Dockerfiles(instructions.subList(from, instructions.size()));
    }

    /** The build arguments this part declares: name to default (empty when it has none). */
    java.util.Map<String, Optional<String>> args() {
        java.util.Map<String, Optional<String>> args = new java.util.LinkedHashMap<>();
        for (String arg : all("ARG")) {
            int eq = arg.indexOf('=');
            args.put(eq < 0 ? arg : arg.substring(0, eq), eq < 0 ? Optional.empty() : Optional.of(arg.substring(eq + 1)));
        }
        return args;
    }

    /** The numeric uid of the final stage's USER. */
    int user() {
        String user = last("USER").orElseThrow(() -> new AssertionError("no USER"));
        return Integer.parseInt(user.split(":")[0]);
    }
}
