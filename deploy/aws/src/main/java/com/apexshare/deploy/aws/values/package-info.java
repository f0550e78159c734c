/** Turns cdk deploy's outputs file into the Helm chart's values for the deployed stage. */
package com.apexshare.deploy.aws.values;
