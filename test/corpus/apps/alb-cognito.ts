/**
 * A web service on an Auto Scaling group behind an internet-facing ALB, with a path that requires signing in
 * through a Cognito user pool (an `authenticate-cognito` listener rule action).
 *
 * Shaped after aws-samples/cdktf-aws-elb-cognito-auth (src/app.ts, src/cognito.ts, main.ts): a user pool
 * with SMS MFA through an SNS role, its domain and an OAuth client with a secret; an ALB security group open
 * on 80 and 443, an instance security group that admits every TCP port from the ALB's group, an instance
 * role with SSM core and its profile, a launch template from a looked-up Amazon Linux AMI, an HTTPS listener
 * forwarding to a target group, a listener rule authenticating one path, and the ASG in private subnets
 * registered with the target group. Our own code, written for this corpus.
 */
import { App, TerraformStack, TerraformVariable, Token } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DataAwsAmi } from '@cdktf/provider-aws/lib/data-aws-ami';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { IamPolicy } from '@cdktf/provider-aws/lib/iam-policy';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { LbListenerRule } from '@cdktf/provider-aws/lib/lb-listener-rule';
import { AutoscalingGroup } from '@cdktf/provider-aws/lib/autoscaling-group';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolDomain } from '@cdktf/provider-aws/lib/cognito-user-pool-domain';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';

const NAME = 'members';

function assumedBy(service: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: service } }],
  });
}

class MembersStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'ap-southeast-1' });

    const vpcId = new TerraformVariable(this, 'vpc_id', { type: 'string' }).stringValue;
    const publicSubnets = new TerraformVariable(this, 'public_subnet_ids', { type: 'list(string)' }).listValue;
    const privateSubnets = new TerraformVariable(this, 'private_subnet_ids', { type: 'list(string)' }).listValue;
    const certificateArn = new TerraformVariable(this, 'certificate_arn', { type: 'string' }).stringValue;

    // --- Cognito (src/cognito.ts) ---
    const smsPolicy = new IamPolicy(this, 'sms-policy', {
      name: `${NAME}-sms`,
      policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: '*' }] }),
    });
    const smsRole = new IamRole(this, 'sms-role', { name: `${NAME}-sms`, assumeRolePolicy: assumedBy('cognito-idp.amazonaws.com') });
    new IamRolePolicyAttachment(this, 'sms-attachment', { role: smsRole.name, policyArn: smsPolicy.arn });

    const pool = new CognitoUserPool(this, 'user-pool', {
      name: NAME,
      autoVerifiedAttributes: ['email'],
      mfaConfiguration: 'OPTIONAL',
      smsConfiguration: { externalId: `${NAME}-sms`, snsCallerArn: smsRole.arn },
      passwordPolicy: { minimumLength: 12, requireLowercase: true, requireNumbers: true, requireSymbols: true, requireUppercase: true },
    });
    const domain = new CognitoUserPoolDomain(this, 'user-pool-domain', { domain: `${NAME}-login`, userPoolId: pool.id });
    const client = new CognitoUserPoolClient(this, 'user-pool-client', {
      name: `${NAME}-alb`,
      userPoolId: pool.id,
      generateSecret: true,
      allowedOauthFlowsUserPoolClient: true,
      allowedOauthFlows: ['code'],
      allowedOauthScopes: ['openid', 'email'],
      callbackUrls: ['https://members.example.com/oauth2/idpresponse'],
      supportedIdentityProviders: ['COGNITO'],
    });

    // --- Web service (src/app.ts) ---
    const ami = new DataAwsAmi(this, 'amazon-linux', {
      mostRecent: true,
      owners: ['amazon'],
      filter: [{ name: 'name', values: ['al2023-ami-*-x86_64'] }],
    });

    const albSg = new SecurityGroup(this, 'alb-sg', {
      name: `${NAME}-alb`,
      vpcId,
      ingress: [
        { fromPort: 80, toPort: 80, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
      ],
      egress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }],
    });
    const instanceSg = new SecurityGroup(this, 'instance-sg', { name: `${NAME}-instances`, vpcId });
    new SecurityGroupRule(this, 'instance-from-alb', {
      type: 'ingress',
      fromPort: 0,
      toPort: 65535,
      protocol: 'tcp',
      sourceSecurityGroupId: Token.asString(albSg.id),
      securityGroupId: Token.asString(instanceSg.id),
    });

    const instanceRole = new IamRole(this, 'instance-role', { name: `${NAME}-instance`, assumeRolePolicy: assumedBy('ec2.amazonaws.com') });
    new IamRolePolicyAttachment(this, 'instance-ssm', { role: instanceRole.name, policyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' });
    const profile = new IamInstanceProfile(this, 'instance-profile', { name: `${NAME}-instance`, role: instanceRole.name });

    const template = new LaunchTemplate(this, 'launch-template', {
      name: `${NAME}-web`,
      imageId: ami.id,
      instanceType: 't3.small',
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: [instanceSg.id],
      userData: Buffer.from('#!/bin/bash\ndnf install -y nginx && systemctl enable --now nginx\n').toString('base64'),
    });

    const alb = new Lb(this, 'alb', {
      name: NAME,
      internal: false,
      loadBalancerType: 'application',
      securityGroups: [albSg.id],
      subnets: publicSubnets,
    });
    const targets = new LbTargetGroup(this, 'targets', {
      name: `${NAME}-web`,
      port: 80,
      protocol: 'HTTP',
      vpcId,
      healthCheck: { path: '/', protocol: 'HTTP', matcher: '200' },
    });
    const https = new LbListener(this, 'https', {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-2016-08',
      certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
    });
    new LbListenerRule(this, 'members-only', {
      listenerArn: https.arn,
      priority: 100,
      action: [
        { type: 'authenticate-cognito', authenticateCognito: { userPoolArn: pool.arn, userPoolClientId: client.id, userPoolDomain: domain.domain } },
        { type: 'forward', targetGroupArn: targets.arn },
      ],
      condition: [{ pathPattern: { values: ['/members/*'] } }],
    });

    new AutoscalingGroup(this, 'web', {
      name: `${NAME}-web`,
      minSize: 1,
      maxSize: 3,
      desiredCapacity: 2,
      vpcZoneIdentifier: privateSubnets,
      targetGroupArns: [targets.arn],
      healthCheckType: 'ELB',
      launchTemplate: { id: template.id, version: '$Latest' },
      tag: [{ key: 'Name', value: `${NAME}-web`, propagateAtLaunch: true }],
    });
  }
}

export function buildAlbCognito(app: App): void {
  new MembersStack(app, 'members');
}
