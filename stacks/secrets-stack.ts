/** The secret store: the relays' and monitoring's join keys, and developers' secrets, behind setec grants. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { SecretStore } from '../lib/secrets';
import type { TailnetPolicy } from '../lib/tailnet';
import { awsProvider } from './aws-provider';
import { AWS_ACCOUNT_ID, SECRETS_REGION } from './config';

export const DERP_AUTH_KEY = 'derp/auth-key';
export const MONITORING_AUTH_KEY = 'monitoring/auth-key';

export class SecretsStack extends TerraformStack {
  readonly store: SecretStore;

  constructor(scope: Construct, id: string, props: { readonly policy: TailnetPolicy }) {
    super(scope, id);
    awsProvider(this, SECRETS_REGION);
    this.store = new SecretStore(this, 'store', {
      accountId: AWS_ACCOUNT_ID,
      region: SECRETS_REGION,
      secrets: [
        { name: DERP_AUTH_KEY, description: 'Tailscale auth key the DERP relays join with (tag:derp)' },
        { name: MONITORING_AUTH_KEY, description: 'Tailscale auth key the monitoring server joins with (tag:monitoring)' },
        { name: 'dev/ci-token', description: 'CI token for the infra team' },
      ],
      tailnetPolicy: props.policy,
    });
    // The humans who run the tailnet manage every secret.
    this.store.grant({ tailnet: 'group:infra' }, { actions: ['get', 'put', 'info', 'activate', 'delete'], secrets: ['dev/*', 'derp/*'] });
  }

  /** Let a relay's instance role read the relays' join key (IAM policy + key policy consent + setec grant). */
  grantRelay(roleName: string): void {
    this.store.grant({ tailnet: 'tag:derp', iamRoleName: roleName }, { actions: ['get'], secrets: ['derp/*'] });
  }

  /** Let the monitoring server's role read its join key. */
  grantMonitoring(roleName: string): void {
    this.store.grant({ tailnet: 'tag:monitoring', iamRoleName: roleName }, { actions: ['get'], secrets: ['monitoring/*'] });
  }
}
