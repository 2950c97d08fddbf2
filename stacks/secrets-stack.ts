/** The secret store: the relays' and monitoring's join keys, and developers' secrets, behind setec grants. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { SecretStore } from '../lib/secrets';
import type { TailnetPolicy } from '../lib/tailnet';
import { awsProvider } from './aws-provider';
import { AWS_ACCOUNT_ID, DERP_MESH_KEY, SECRET_WRITERS, SECRETS_REGION } from './config';

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
        { name: DERP_AUTH_KEY, description: 'Tailscale auth key the DERP relays join with (tag:derp)', writers: SECRET_WRITERS },
        { name: DERP_MESH_KEY, description: 'DERP mesh key of the regions with more than one relay (64 hex digits)', writers: SECRET_WRITERS },
        { name: MONITORING_AUTH_KEY, description: 'Tailscale auth key the monitoring server joins with (tag:monitoring)', writers: SECRET_WRITERS },
        { name: 'dev/ci-token', description: 'CI token for the infra team', writers: SECRET_WRITERS },
      ],
      tailnetPolicy: props.policy,
      // The setec server the tailnet grants point at (tag:setec, owned by group:infra in the tailnet stack).
      setecServerTag: 'tag:setec',
    });
    // The humans who run the tailnet manage every secret.
    this.store.grant({ tailnet: 'group:infra' }, { actions: ['get', 'put', 'info', 'activate', 'delete'], secrets: ['dev/*', 'derp/*'] });
  }

  /** Let a relay's instance role read the relays' secrets, derp/* only: the join key and the mesh key (IAM policy + key policy consent + setec grant). */
  grantRelay(roleName: string): void {
    this.store.grant({ tailnet: 'tag:derp', iamRoleName: roleName }, { actions: ['get'], secrets: ['derp/*'] });
  }

  /** Let the monitoring server's role read its join key. */
  grantMonitoring(roleName: string): void {
    this.store.grant({ tailnet: 'tag:monitoring', iamRoleName: roleName }, { actions: ['get'], secrets: ['monitoring/*'] });
  }
}
