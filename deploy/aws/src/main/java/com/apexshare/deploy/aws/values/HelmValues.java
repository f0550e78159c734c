package com.apexshare.deploy.aws.values;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.apexshare.deploy.aws.config.StageConfig;
import com.apexshare.deploy.aws.config.StageConfigs;

/**
 * Prints (or writes) the Helm values fragment of a deployed stage:
 * {@code HelmValues <stage> <cdk-outputs.json> [values-<stage>.yaml]}, run in deploy/aws (bin/helm-values does).
 */
public final class HelmValues {

    private HelmValues() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: HelmValues <stage> <cdk-outputs.json> [<values-file to write>]");
            System.exit(2);
            return;
        }
        Path baseDir = Path.of("").toAbsolutePath();
        StageConfig config = StageConfigs.load(baseDir, args[0]);
        String yaml = ValuesFragment.render(config, DeployOutputs.read(baseDir.resolve(args[1])));
        if (args.length == 3) {
            Files.writeString(baseDir.resolve(args[2]), yaml);
            System.err.println("Wrote " + baseDir.resolve(args[2]));
        } else {
            System.out.print(yaml);
        }
    }
}
