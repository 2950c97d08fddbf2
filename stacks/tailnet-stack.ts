/** The tailnet policy and the DERP fleet's derpMap, managed as a tailscale_acl. */
import { cdk } from '../aspects/cdk';
import type { Construct } from 'constructs';
import { DerpFleet } from '../lib/fleet';
import { TailnetPolicy } from '../lib/tailnet';
import { TailscaleProvider } from '../lib/tailscale';
import { DERP_VERSIONS, INFRA_GROUP } from './config';

export class TailnetStack extends cdk.TerraformStack {
  readonly policy: TailnetPolicy;
  readonly fleet: DerpFleet;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    // Credentials come from TAILSCALE_OAUTH_CLIENT_ID / _SECRET in the environment, never from code.
    const tailscale = new TailscaleProvider(this, 'tailscale', {});
    this.policy = new TailnetPolicy(this, 'policy', {
      groups: { 'group:infra': INFRA_GROUP },
      tagOwners: {
        'tag:derp': ['group:infra'],
        'tag:setec': ['group:infra'],
      },
      manageWithTerraform: true,
      tailscaleProvider: tailscale,
    });
    // Relays live in one stack per cloud and region. Their addresses are pinned (Elastic IPs, reserved IPs
    // allocated outside the stacks), so the derpMap carries them as literals: clients do not depend on DNS.
    // The fleet holds the one Tailscale version every relay runs, and hands the policy its relays: the policy
    // admits the fleet's clients (every member, the default) and proves it, with its tests, at synth.
    this.fleet = new DerpFleet(this, 'fleet', { nodeAddresses: 'relays', omitDefaultRegions: false, tailnetPolicy: this.policy, versions: DERP_VERSIONS });
  }
}
