package com.apexshare.deploy.aws;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;

import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The stages synthesized once per test JVM (each synthesis runs the CDK's JavaScript through jsii: seconds, not
 * milliseconds), from the real config/<stage>.json with a fixed account so that ARNs are plain text.
 */
public final class Synth {

    public static final String ACCOUNT = "111111111111";
    /** Maven runs the tests in the module directory, deploy/aws. */
    public static final Path BASE_DIR = Path.of("").toAbsolutePath();

    private static final Map<String, Synth> STAGES = new ConcurrentHashMap<>();

    private final StageConfig config;
    private final ApexShare.Stacks stacks;
    private final Map<Stack, Template> templates = new ConcurrentHashMap<>();

    private Synth(StageConfig config) {
        this.config = config;
        this.stacks = ApexShare.define(new App(), config, BASE_DIR);
    }

    /** The committed configuration of the stage. */
    public static Synth stage(String stage) {
        return STAGES.computeIfAbsent(stage, s -> new Synth(config(s)));
    }

    /** A variant of a stage's configuration (synthesized anew each call: keep these few). */
    public static Synth variant(String stage, UnaryOperator<StageConfig> change) {
        return new Synth(change.apply(config(stage)));
    }

    public static StageConfig config(String stage) {
        return StageConfigs.load(BASE_DIR, stage).withAccount(ACCOUNT);
    }

    public StageConfig config() {
        return config;
    }

    public ApexShare.Stacks stacks() {
        return stacks;
    }

    public Template template(Stack stack) {
        return templates.computeIfAbsent(stack, Template::fromStack);
    }

    public Template identity() {
        return template(stacks.identity());
    }

    public Template storage() {
        return template(stacks.storage());
    }

    public Template email() {
        return template(stacks.email());
    }

    public Template cdn() {
        return template(stacks.cdn().orElseThrow(() -> new AssertionError(config.stage() + " has no CDN stack")));
    }

    public Template audit() {
        return template(stacks.audit().orElseThrow(() -> new AssertionError(config.stage() + " has no audit stack")));
    }
}
