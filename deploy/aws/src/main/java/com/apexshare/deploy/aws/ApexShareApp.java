package com.apexshare.deploy.aws;

import java.nio.file.Path;

import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;

import software.amazon.awscdk.App;

/**
 * The CDK app ({@code cdk.json}): {@code cdk synth -c stage=prod}, {@code cdk deploy --all -c stage=prod}. The stage
 * is required, so that no command touches a stage nobody named. The account is the configuration's, else the one of
 * the CLI's credentials.
 */
public final class ApexShareApp {

    private ApexShareApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Object stage = app.getNode().tryGetContext("stage");
        Path baseDir = Path.of("").toAbsolutePath();
        StageConfig config = StageConfigs.load(baseDir, stage == null ? null : stage.toString());
        if (config.account() == null) {
            config = config.withAccount(System.getenv("CDK_DEFAULT_ACCOUNT"));
        }
        ApexShare.define(app, config, baseDir);
        app.synth();
    }
}
