/** The secrets stack of the tests: an AWS provider with default tags, and the store with the two grants. */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretStore } from '../../../lib/secrets';
import type { TailnetPolicy } from '../../../lib/tailnet';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-central-1';
export const TAGS = { owner: 'team-infra', environment: 'test' };

export function secretsStack(app: App, offline = false): TerraformStack {
  const stack = new TerraformStack(app, 'secrets');
  new AwsProvider(stack, 'aws', {
    region: REGION,
    defaultTags: [{ tags: TAGS }],
    // For the offline terraform plan only: no credentials to check, no account to look up.
    ...(offline ? { skipCredentialsValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: 'true' } : {}),
  });
  return stack;
}

/** The store of the reference setup: the two grants, verbatim. */
export function referenceStore(stack: TerraformStack, policy?: TailnetPolicy): SecretStore {
  const store = new SecretStore(stack, 'store', {
    accountId: ACCOUNT,
    region: REGION,
    secrets: ['derp/auth-key', { name: 'dev/api-token', description: 'token for the dev API' }],
    tailnetPolicy: policy,
  });
  store.grant({ tailnet: 'group:infra', iamRoleName: 'infra-admin' }, { actions: ['get', 'put', 'info', 'activate', 'delete'], secrets: ['dev/*', 'derp/*'] });
  store.grant({ tailnet: 'tag:derp', iamRoleName: 'derp-relay' }, { actions: ['get'], secrets: ['derp/*'] });
  return store;
}

