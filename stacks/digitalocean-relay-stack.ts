/**
 * DigitalOcean relays. DigitalOcean has no secret store: each relay joins with its own single-use,
 * pre-authorised, tagged tailnet key that expires within the hour (see DigitalOceanDerpRelay), and for the
 * same reason cannot mesh, so each DigitalOcean region has one node.
 */
import { cdk, digitaloceanProvider } from '../aspects/cdk';
import type { Construct } from 'constructs';
import { DigitalOceanDerpRelay } from '../lib/relay';
import { TailscaleProvider } from '../lib/tailscale';
import type { DerpVersions } from '../lib/boot';
import { DIGITALOCEAN_DNS_DOMAIN, DIGITALOCEAN_RELAY_SITES, DIGITALOCEAN_SSH_KEYS, ENVIRONMENT, OWNER } from './config';

/** DigitalOcean's provider bindings, loaded when the first construct is made (cdktf only: see aspects/cdk.ts). */
const digitaloceanClasses = () => ({
  ...digitaloceanProvider<typeof import('@cdktf/provider-digitalocean/lib/provider')>('provider'),
});

export class DigitalOceanRelayStack extends cdk.TerraformStack {
  readonly relays: readonly DigitalOceanDerpRelay[];

  /** `versions`: the fleet's (DerpFleet.versions). */
  constructor(scope: Construct, id: string, versions: DerpVersions) {
    super(scope, id);
    // Tokens come from DIGITALOCEAN_TOKEN and TAILSCALE_OAUTH_CLIENT_* in the environment, never from code.
    new (digitaloceanClasses().DigitaloceanProvider)(this, 'digitalocean', {});
    new TailscaleProvider(this, 'tailscale', {});
    this.relays = DIGITALOCEAN_RELAY_SITES.map(
      (site) =>
        new DigitalOceanDerpRelay(this, site.id, {
          hostname: site.hostname,
          nodeName: site.nodeName,
          regionId: site.regionId,
          regionCode: site.regionCode,
          regionName: site.regionName,
          region: site.region,
          sshKeys: DIGITALOCEAN_SSH_KEYS,
          owner: OWNER,
          environment: ENVIRONMENT,
          certMode: 'letsencrypt',
          versions,
          // Pinned address (a literal in the derpMap) and DNS records in DigitalOcean's DNS.
          reservedIp: site.reservedIp,
          dnsDomain: DIGITALOCEAN_DNS_DOMAIN,
        }),
    );
  }
}
