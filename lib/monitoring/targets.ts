/** What the monitoring server watches on each DERP node, derived from the fleet's nodes and the access model. */
import { cdk } from '../../aspects/cdk';
import type { DerpNodeInfo } from '../contracts/derp-node';
import type { TailnetAccess } from './access';

export interface NodeTargets {
  readonly node: string;
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
  /** Public host name (TLS name) of the node. */
  readonly hostName: string;
  /** The node's name on the tailnet (MagicDNS), where its exporters listen. */
  readonly tailnetHost: string;
  /** `<tailnetHost>:<port>` for each exporter port of the access model. */
  readonly exporters: readonly string[];
  /** The HTTPS URL probed through the blackbox exporter. */
  readonly probeUrl: string;
  readonly stunPort: number;
  readonly derpPort: number;
  /** derper's metrics (/debug/varz) over the tailnet: `<tailnetHost>:<derpPort>`, TLS name hostName. */
  readonly derperMetrics: string;
}

/** The default tailnet name of a node: the first label of its public host name (`derp-fra1.example.com` → `derp-fra1`). */
export function defaultNodeTailnetName(node: DerpNodeInfo): string {
  return node.hostName.split('.')[0];
}

const TAILNET_NAME = /^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*$/;

export interface TargetOptions {
  readonly access: TailnetAccess;
  readonly nodeTailnetName: (node: DerpNodeInfo) => string;
  /** @default none: short names */
  readonly magicDnsSuffix?: string;
  readonly probePath: string;
}

/** Targets per node. Throws (with the node) on a value that is a token or not a DNS name. */
export function nodeTargets(nodes: readonly DerpNodeInfo[], options: TargetOptions): NodeTargets[] {
  return nodes.map((node) => {
    for (const [prop, value] of [
      ['name', node.name],
      ['hostName', node.hostName],
    ] as const) {
      if (cdk.Token.isUnresolved(value)) throw new Error(`DERP node ${prop} '${value}' is a Terraform token; monitoring needs it at synth`);
    }
    const short = options.nodeTailnetName(node);
    const tailnetHost = options.magicDnsSuffix ? `${short}.${options.magicDnsSuffix}` : short;
    if (typeof tailnetHost !== 'string' || !TAILNET_NAME.test(tailnetHost)) {
      throw new Error(`tailnet name ${JSON.stringify(tailnetHost)} of DERP node '${node.name}' is not a DNS name (lower-case labels)`);
    }
    return {
      node: node.name,
      regionId: node.regionId,
      regionCode: node.regionCode,
      regionName: node.regionName,
      hostName: node.hostName,
      tailnetHost,
      exporters: options.access.ports.map((p) => `${tailnetHost}:${p}`),
      probeUrl: `https://${node.hostName}${node.derpPort === 443 ? '' : `:${node.derpPort}`}${options.probePath}`,
      stunPort: node.stunPort,
      derpPort: node.derpPort,
      derperMetrics: `${tailnetHost}:${node.derpPort}`,
    };
  });
}
