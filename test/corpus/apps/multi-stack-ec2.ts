/**
 * One stack per environment and region, each with a single EC2 instance tagged with its environment.
 *
 * Shaped after hashicorp/terraform-cdk (examples/typescript/aws-multiple-stacks/main.ts): a stack class
 * taking an environment and an optional region, instantiated four times (dev, staging, and production in two
 * regions), each with its own provider and one `Instance` from a fixed AMI with nothing else set. Our own
 * code, written for this corpus.
 */
import { App, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Instance } from '@cdktf/provider-aws/lib/instance';

interface EnvironmentConfig {
  readonly environment: string;
  readonly region?: string;
}

class EnvironmentStack extends TerraformStack {
  constructor(scope: Construct, id: string, config: EnvironmentConfig) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: config.region ?? 'us-east-1' });
    new Instance(this, 'app', {
      ami: 'ami-0c55b159cbfafe1f0',
      instanceType: 't3.micro',
      tags: { environment: config.environment },
    });
  }
}

export function buildMultiStackEc2(app: App): void {
  new EnvironmentStack(app, 'ec2-dev', { environment: 'dev' });
  new EnvironmentStack(app, 'ec2-staging', { environment: 'staging' });
  new EnvironmentStack(app, 'ec2-production-us', { environment: 'production', region: 'us-east-1' });
  new EnvironmentStack(app, 'ec2-production-eu', { environment: 'production', region: 'eu-central-1' });
}
