package com.apexshare.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Dockerfile as its instructions (continuation lines joined, comments dropped). */
record Dockerfiles(List<Instruction> instructions) {

    record Instruction(String keyword, String arguments) {
    }

    static Dockerfiles of(Service service) {
        return parse(Repository.read(service.dockerfile()));
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

    /** The numeric uid of the final stage's USER. */
    int user() {
        String user = last("USER").orElseThrow(() -> new AssertionError("no USER"));
        return Integer.parseInt(user.split(":")[0]);
    }
}
