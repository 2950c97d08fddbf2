/** The secrets stack of the tests: an AWS provider with default tags, and the store with writers, readers and grants. */
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SecretStore } from '../../../lib/secrets';
import type { TailnetPolicy } from '../../../lib/tailnet';
import { TailscaleProvider } from '../../../lib/tailscale';

export const ACCOUNT = '123456789012';
export const REGION = 'eu-central-1';
export const TAGS = { owner: 'team-infra', environment: 'test' };
export const OPERATOR_ARN = `arn:aws:iam::${ACCOUNT}:role/operators/secrets-operator`;

export function secretsStack(app: App, offline = false): TerraformStack {
  const stack = new TerraformStack(app, 'secrets');
  new AwsProvider(stack, 'aws', {
    region: REGION,
    defaultTags: [{ tags: TAGS }],
    // For the offline terraform plan only: no credentials to check, no account to look up.
    ...(offline ? { skipCredentialsValidation: true, skipRequestingAccountId: true, skipMetadataApiCheck: 'true' } : {}),
  });
  if (!offline) new TailscaleProvider(stack, 'tailscale');
  return stack;
}

/**
 * The store of the reference setup: each secret names its writers (the CI role by name, an operator role by
 * ARN) and readers; group:infra administers dev/* through its role; a setec server is declared when a
 * policy is given.
 */
export function referenceStore(stack: TerraformStack, policy?: TailnetPolicy): SecretStore {
  const store = new SecretStore(stack, 'store', {
    accountId: ACCOUNT,
    region: REGION,
    terraformRole: 'ci-deploy',
    secrets: [
      { name: 'derp/mesh-key', writers: ['ci-deploy', OPERATOR_ARN], readers: [{ iamRole: 'derp-relay', tailnet: 'tag:derp' }] },
      { name: 'dev/api-token', description: 'token for the dev API', writers: [OPERATOR_ARN] },
    ],
    tailnetPolicy: policy,
    ...(policy ? { setecServerTag: 'tag:setec' } : {}),
  });
  store.grant({ tailnet: 'group:infra', iamRole: 'infra-admin' }, { actions: ['get', 'put', 'info', 'activate', 'delete'], secrets: ['dev/*'] });
  return store;
}
