/**
 * The reference deployment: a DERP fleet with relays in two AWS regions and two DigitalOcean regions, a
 * monitoring stack, a secrets stack, and the tailnet policy that ties them together, enforced with every
 * guardrail of the strict profile and no suppression.
 *
 * The stacks share no Terraform references (no remote state): what crosses stacks is plain data known at
 * synth (secret names and ARN patterns, role names, host names), so each AWS stack plans on its own.
 *
 * Every AWS node (relay or monitoring) joins the tailnet with its own single-use, pre-authorized, tagged key
 * that expires within the hour (SecretsStack.joinKey: a NodeJoinKey readable by that node's role only);
 * DigitalOcean relays make theirs in their own stack. No join key is shared or reusable.
 */
import type { App } from 'cdktf';
import { cdk } from '../aspects/cdk';
import { Guardrails } from '../aspects/guardrails';
import type { SecretReference } from '../lib/contracts/secret-reference';
import { AwsRelayStack } from './aws-relay-stack';
import { AWS_RELAY_SITES, MONITORING_SITE, relayRoleName, relayTailnetTags } from './config';
import { DigitalOceanRelayStack } from './digitalocean-relay-stack';
import { MonitoringStack } from './monitoring-stack';
import { SecretsStack } from './secrets-stack';
import { TailnetStack } from './tailnet-stack';

export interface ReferenceApp {
  readonly app: App;
  readonly tailnet: TailnetStack;
  readonly secrets: SecretsStack;
  readonly awsRelays: readonly AwsRelayStack[];
  readonly digitaloceanRelays: DigitalOceanRelayStack;
  readonly monitoring: MonitoringStack;
}

export function buildReferenceApp(outdir?: string): ReferenceApp {
  const app = new cdk.App(outdir !== undefined ? { outdir } : {});
  Guardrails.enforce(app, { profile: 'strict' });

  const tailnet = new TailnetStack(app, 'tailnet');
  const secrets = new SecretsStack(app, 'secrets', { policy: tailnet.policy });

  const versions = tailnet.fleet.versions;
  const awsRelays = AWS_RELAY_SITES.map((site) => {
    // One key per node, for the relay's own role, tagged as the relay advertises itself.
    const joinKeySecrets = new Map<string, SecretReference>(
      site.nodes.map((node) => [node.nodeName, secrets.joinKey(node.nodeName, relayRoleName(node.nodeName), relayTailnetTags(site))]),
    );
    // Only the relays of a region that meshes read the mesh key.
    let meshKeySecret: SecretReference | undefined;
    if (site.nodes.length > 1) for (const node of site.nodes) meshKeySecret = secrets.meshKeyReader(relayRoleName(node.nodeName));
    return new AwsRelayStack(app, { site, versions, joinKeySecrets, ...(meshKeySecret ? { meshKeySecret } : {}) });
  });
  const digitaloceanRelays = new DigitalOceanRelayStack(app, 'derp-digitalocean', versions);
  for (const relay of [...awsRelays.flatMap((s) => s.relays), ...digitaloceanRelays.relays]) tailnet.fleet.addRelay(relay);

  const monitoring = new MonitoringStack(app, 'monitoring', {
    fleet: tailnet.fleet,
    policy: tailnet.policy,
    joinKeySecret: secrets.joinKey(MONITORING_SITE.name, MONITORING_SITE.roleName, ['tag:monitoring']),
  });

  return { app, tailnet, secrets, awsRelays, digitaloceanRelays, monitoring };
}
