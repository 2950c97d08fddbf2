/** A stand-in relay for fleet and monitoring tests: any construct with a derpNode is a relay to a fleet. */
import { Construct } from 'constructs';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import type { DerpNodeInfo, IDerpRelay } from '../../../lib/contracts/derp-node';
import { TAILSCALE_VERSION } from '../../../lib/boot/versions';

export class FakeRelay extends Construct implements IDerpRelay {
  public readonly derpNode: DerpNodeInfo;
  constructor(scope: Construct, id: string, node: Partial<DerpNodeInfo> & { withEip?: boolean } = {}) {
    super(scope, id);
    let ipv4 = node.ipv4;
    if (node.withEip) {
      // A real token, as a relay's public address is: exercises token resolution in the map.
      const eip = new Eip(this, 'eip', { domain: 'vpc', tags: { exposure: 'public' } });
      ipv4 = eip.publicIp;
    }
    const { withEip: _ignored, ...rest } = node;
    this.derpNode = {
      name: id,
      hostName: `${id}.derp.example.com`,
      stunPort: 3478,
      derpPort: 443,
      regionId: 900,
      regionCode: 'aws-fra',
      regionName: 'AWS Frankfurt',
      tailscaleVersion: TAILSCALE_VERSION,
      ...rest,
      ...(ipv4 !== undefined ? { ipv4 } : {}),
    };
  }
}
