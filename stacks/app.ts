/**
 * The reference deployment: a DERP fleet with relays in two AWS regions and two DigitalOcean regions, a
 * monitoring stack, a secrets stack, and the tailnet policy that ties them together, enforced with every
 * guardrail of the strict profile and no suppression.
 *
 * The stacks share no Terraform references (no remote state): what crosses stacks is plain data known at
 * synth (secret names and ARN patterns, role names, host names), so each AWS stack plans on its own.
 */
import { App } from 'cdktf';
import { Guardrails } from '../aspects/guardrails';
import { AwsRelayStack } from './aws-relay-stack';
import { AWS_RELAY_SITES, MONITORING_SITE } from './config';
import { DigitalOceanRelayStack } from './digitalocean-relay-stack';
import { MonitoringStack } from './monitoring-stack';
import { DERP_MESH_KEY } from './config';
import { DERP_AUTH_KEY, MONITORING_AUTH_KEY, SecretsStack } from './secrets-stack';
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
  const app = new App(outdir !== undefined ? { outdir } : {});
  Guardrails.enforce(app, { profile: 'strict' });

  const tailnet = new TailnetStack(app, 'tailnet');
  const secrets = new SecretsStack(app, 'secrets', { policy: tailnet.policy });

  const versions = tailnet.fleet.versions;
  const awsRelays = AWS_RELAY_SITES.map(
    (site) =>
      new AwsRelayStack(app, {
        site,
        versions,
        authKeySecret: secrets.store.secretReference(DERP_AUTH_KEY),
        meshKeySecret: secrets.store.secretReference(DERP_MESH_KEY),
      }),
  );
  const digitaloceanRelays = new DigitalOceanRelayStack(app, 'derp-digitalocean', versions);
  for (const relay of [...awsRelays.flatMap((s) => s.relays), ...digitaloceanRelays.relays]) tailnet.fleet.addRelay(relay);
  for (const relay of awsRelays.flatMap((s) => s.relays)) secrets.grantRelay(relay.roleName);

  const monitoring = new MonitoringStack(app, 'monitoring', {
    fleet: tailnet.fleet,
    policy: tailnet.policy,
    joinKeySecret: secrets.store.secretReference(MONITORING_AUTH_KEY),
  });
  secrets.grantMonitoring(MONITORING_SITE.roleName);

  return { app, tailnet, secrets, awsRelays, digitaloceanRelays, monitoring };
}
