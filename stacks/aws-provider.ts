import type { Construct } from 'constructs';
import { awsProvider as awsBindings } from '../aspects/cdk';
import type { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ENVIRONMENT, OWNER } from './config';

const { AwsProvider: AwsProviderClass } = awsBindings<typeof import('@cdktf/provider-aws/lib/provider')>('provider');

/** The AWS provider every reference stack uses: one region, the required tags as default_tags. */
export function awsProvider(scope: Construct, region: string): AwsProvider {
  return new AwsProviderClass(scope, 'aws', {
    region,
    defaultTags: [{ tags: { owner: OWNER, environment: ENVIRONMENT, 'managed-by': 'cdktf' } }],
  });
}
