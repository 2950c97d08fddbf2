/**
 * The secret store: one join key per AWS node (relays and monitoring), the DERP mesh key, and developers'
 * secrets. Every secret names its writers and readers; there is no shared or reusable join key.
 *
 * Each AWS node's join key is a NodeJoinKey: a single-use, pre-authorized, tagged tailnet key that expires an
 * hour after this stack's apply, made here by Terraform (the tailscale provider) and put into the node's own
 * secret (`join-keys/<node>`), which only that node's role (and the Terraform role that wrote it) can read.
 *
 * Order of applies: the relay and monitoring stacks first (their roles must exist before a policy can be
 * attached to them), then this one; a node's boot keeps trying to read its key for 30 minutes. A node
 * replaced later needs a fresh key: `terraform apply -replace=<its key's address>` here, then replace it.
 */
import { cdk } from '../aspects/cdk';
import type { Construct } from 'constructs';
import type { SecretReference } from '../lib/contracts/secret-reference';
import { NodeJoinKey, SecretStore } from '../lib/secrets';
import type { TailnetPolicy } from '../lib/tailnet';
import { TailscaleProvider } from '../lib/tailscale';
import { awsProvider } from './aws-provider';
import { AWS_ACCOUNT_ID, DERP_MESH_KEY, SECRETS_OPERATOR_ROLE, SECRETS_REGION, TERRAFORM_ROLE } from './config';

export class SecretsStack extends cdk.TerraformStack {
  readonly store: SecretStore;
  /** The nodes' join keys, by node name. */
  readonly joinKeys = new Map<string, NodeJoinKey>();

  constructor(scope: Construct, id: string, props: { readonly policy: TailnetPolicy }) {
    super(scope, id);
    awsProvider(this, SECRETS_REGION);
    // Makes the nodes' join keys. Credentials come from TAILSCALE_OAUTH_CLIENT_ID / _SECRET in the
    // environment (an OAuth client with the auth_keys scope and the nodes' tags), never from code.
    new TailscaleProvider(this, 'tailscale', {});
    this.store = new SecretStore(this, 'store', {
      accountId: AWS_ACCOUNT_ID,
      region: SECRETS_REGION,
      // Writes (and reads back) the join keys it makes.
      terraformRole: TERRAFORM_ROLE,
      secrets: [
        // Read by the relays of regions with more than one node (meshKeyReader).
        { name: DERP_MESH_KEY, description: 'DERP mesh key of the regions with more than one relay (64 hex digits)', writers: [SECRETS_OPERATOR_ROLE] },
        { name: 'dev/ci-token', description: 'CI token for the infra team', writers: [SECRETS_OPERATOR_ROLE] },
      ],
      tailnetPolicy: props.policy,
      // The setec server the tailnet grants point at (tag:setec, owned by group:infra in the tailnet stack).
      setecServerTag: 'tag:setec',
    });
    // The humans who run the tailnet manage these secrets in setec (setec's own database, not Secrets Manager).
    this.store.grant({ tailnet: 'group:infra' }, { actions: ['get', 'put', 'info', 'activate', 'delete'], secrets: ['dev/*', 'derp/*'] });
  }

  /**
   * A node's own join key: single-use, pre-authorized, tagged with `tags` (exactly the tags the node
   * advertises), expiring an hour after apply, in the secret `join-keys/<nodeName>` that only `roleName`
   * (the node's instance role) can read. Returns where the node reads it.
   */
  joinKey(nodeName: string, roleName: string, tags: readonly string[]): SecretReference {
    const key = new NodeJoinKey(this, `join-key-${nodeName}`, { store: this.store, nodeName, nodeRole: roleName, tags });
    this.joinKeys.set(nodeName, key);
    return key.secretReference;
  }

  /** Let a relay of a multi-node region read the mesh key (its role only, that one secret only). */
  meshKeyReader(roleName: string): SecretReference {
    this.store.grant({ iamRole: roleName }, { actions: ['get'], secrets: [DERP_MESH_KEY] });
    return this.store.secretReference(DERP_MESH_KEY);
  }
}
