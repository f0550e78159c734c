/**
 * ApexShare's AWS resources as CDK stacks: {@link com.apexshare.deploy.aws.ApexShareApp} is the app,
 * {@link com.apexshare.deploy.aws.ApexShare} defines one stage's stacks from its configuration.
 */
package com.apexshare.deploy.aws;
