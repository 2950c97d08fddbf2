/**
 * What a DERP relay construct (AWS or DigitalOcean) offers a DerpFleet: the node's entry in the tailnet
 * policy's derpMap. Values such as IP addresses may be Terraform tokens (resolved at synth).
 */
import type { IConstruct } from 'constructs';

export interface DerpNodeInfo {
  /** Node name in the derpMap, unique in the fleet, e.g. `900a`. */
  readonly name: string;
  /** Fully qualified host name clients connect to (TLS certificate name). */
  readonly hostName: string;
  /** Public IPv4 (a token: the Elastic IP / reserved IP / droplet address). */
  readonly ipv4?: string;
  /** Public IPv6, when the node has one. */
  readonly ipv6?: string;
  /** @default 3478 */
  readonly stunPort: number;
  /** @default 443 */
  readonly derpPort: number;
  /** Region this node serves (RegionID 900–999), as configured on the relay. */
  readonly regionId: number;
  /** RegionCode, e.g. `aws-fra`. */
  readonly regionCode: string;
  /** RegionName, e.g. `AWS Frankfurt`. */
  readonly regionName: string;
  /**
   * Port 80 is open and derper answers on it (Let's Encrypt mode): the derpMap's `CanPort80`, which
   * clients use for captive-portal checks (tailcfg.DERPNode).
   * @default false
   */
  readonly canPort80?: boolean;
  /**
   * The Tailscale version the node runs (tailscaled and derper). A fleet runs one version.
   * @default unknown (a relay that does not say; a fleet refuses it)
   */
  readonly tailscaleVersion?: string;
  /** CPU architecture of the node's image (`amd64`/`arm64`), for the derper pin of that architecture. */
  readonly architecture?: 'amd64' | 'arm64';
  /**
   * derper verifies clients against the node's own tailscaled (`-verify-clients`): only nodes its
   * tailnet netmap holds as peers are admitted.
   * @default true
   */
  readonly verifiesClients?: boolean;
  /** Tailnet tags the node joins with (`tag:derp` and any extra). */
  readonly tailnetTags?: readonly string[];
  /**
   * How the node meshes with the other nodes of its region, or why it cannot.
   * @default no mesh
   */
  readonly mesh?: DerpNodeMesh;
  /** Why this kind of relay cannot mesh (e.g. no secret store to read the key from), when it cannot. */
  readonly meshUnsupported?: string;
}

/** A node's mesh: who it meshes with, and with which key. */
export interface DerpNodeMesh {
  /** Host names of the region's nodes, its own included (derper's `-mesh-with`). */
  readonly with: readonly string[];
  /** The secret holding the region's key (its ARN or name): every node of a region reads the same one. */
  readonly keySecret: string;
}

/** Something that knows the DERP nodes (a DerpFleet): what Monitoring scrapes and what a tailnet policy admits. */
export interface IDerpNodeSource {
  /** The nodes, in the order they were added (read at synth). */
  readonly nodes: readonly DerpNodeInfo[];
  /**
   * The one Tailscale version every node of the fleet runs (what monitoring installs too).
   * @default unknown
   */
  readonly tailscaleVersion?: string;
}

/** Implemented by AwsDerpRelay and DigitalOceanDerpRelay. */
export interface IDerpRelay extends IConstruct {
  readonly derpNode: DerpNodeInfo;
}

/** Marker a fleet sets on a relay it owns, so a relay added to two fleets is a construction-time error. */
export const DERP_FLEET_MEMBERSHIP = Symbol.for('cdktf-guardrails/DerpFleetMembership');
