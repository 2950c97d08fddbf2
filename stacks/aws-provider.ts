import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ENVIRONMENT, OWNER } from './config';

/** The AWS provider every reference stack uses: one region, the required tags as default_tags. */
export function awsProvider(scope: Construct, region: string): AwsProvider {
  return new AwsProvider(scope, 'aws', {
    region,
    defaultTags: [{ tags: { owner: OWNER, environment: ENVIRONMENT, 'managed-by': 'cdktf' } }],
  });
}
