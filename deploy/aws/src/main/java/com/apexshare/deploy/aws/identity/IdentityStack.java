package com.apexshare.deploy.aws.identity;

import java.util.EnumMap;
import java.util.Map;

import com.apexshare.deploy.aws.Names;
import com.apexshare.deploy.aws.Outputs;
import com.apexshare.deploy.aws.config.Service;
import com.apexshare.deploy.aws.config.StageConfig;

import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * One IAM role per service for IRSA (IAM Roles for Service Accounts): each trusts the cluster's OIDC provider for
 * exactly its own service account, and may do exactly what that service's code calls (see {@link ServicePermissions}).
 * The roles name the bucket, queue and SES resources by their configured names, so this stack deploys first and
 * depends on nothing; the storage stack's key policy then names these roles.
 */
public class IdentityStack extends Stack {

    private final Map<Service, Role> roles = new EnumMap<>(Service.class);

    public IdentityStack(Construct scope, String id, StackProps props, StageConfig config) {
        super(scope, id, props);
        ServicePermissions permissions = new ServicePermissions(this, config);
        for (Service service : Service.values()) {
            String serviceAccount = "system:serviceaccount:" + config.cluster().namespace() + ":"
                    + config.cluster().serviceAccount(service);
            String issuer = config.cluster().oidcIssuer();
            Role role = Role.Builder.create(this, service.camelName() + "Role")
                    .roleName(config.roleName(service))
                    .description("IRSA role of " + service.serviceName() + " (" + config.stage() + "), assumed by "
                            + serviceAccount)
                    .assumedBy(new FederatedPrincipal(Names.oidcProviderArn(this, issuer),
                            Map.of("StringEquals", Map.of(
                                    issuer + ":sub", serviceAccount,
                                    issuer + ":aud", "sts.amazonaws.com")),
                            "sts:AssumeRoleWithWebIdentity"))
                    .inlinePolicies(Map.of(service.serviceName(),
                            PolicyDocument.Builder.create().statements(permissions.of(service)).build()))
                    .build();
            roles.put(service, role);
            CfnOutput.Builder.create(this, Outputs.roleArn(service))
                    .value(role.getRoleArn())
                    .description("eks.amazonaws.com/role-arn of " + serviceAccount)
                    .build();
        }
    }

    public Role role(Service service) {
        return roles.get(service);
    }
}
