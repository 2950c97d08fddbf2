/**
 * The tailnet policy model shared by the constructs: what each construct contributes (tag owners, ACLs,
 * grants, the derpMap, the DERP fleet whose clients must be admitted, policy tests) to one policy
 * document. TailnetPolicy implements ITailnetPolicy.
 */
import type { IDerpNodeSource } from './derp-node';

/** An ACL entry (Tailscale policy `acls`). */
export interface AclRule {
  readonly action: 'accept';
  readonly src: readonly string[];
  /** `host:port` entries, e.g. `tag:derp:9100`. */
  readonly dst: readonly string[];
  readonly proto?: 'tcp' | 'udp' | 'icmp';
}

/** A grant (Tailscale policy `grants`), e.g. setec secrets access. */
export interface GrantRule {
  readonly src: readonly string[];
  readonly dst: readonly string[];
  readonly ip?: readonly string[];
  readonly app?: Readonly<Record<string, readonly unknown[]>>;
}

export interface DerpMapNode {
  readonly Name: string;
  readonly RegionID: number;
  readonly HostName: string;
  readonly IPv4?: string;
  readonly IPv6?: string;
  readonly STUNPort?: number;
  readonly DERPPort?: number;
  /** Port 80 answers (captive-portal checks; tailcfg.DERPNode.CanPort80). */
  readonly CanPort80?: boolean;
}

/**
 * A `tests` entry of the policy (https://tailscale.com/kb/1337/policy-syntax#tests): from `src`, every
 * `accept` destination (`host:port`) must be reachable and no `deny` destination may be.
 */
export interface PolicyTestEntry {
  readonly src: string;
  readonly proto?: 'tcp' | 'udp' | 'sctp';
  readonly accept?: readonly string[];
  readonly deny?: readonly string[];
}

export interface DerpMapRegion {
  readonly RegionID: number;
  readonly RegionCode: string;
  readonly RegionName: string;
  readonly Nodes: readonly DerpMapNode[];
}

export interface DerpMap {
  readonly OmitDefaultRegions?: boolean;
  readonly Regions: Readonly<Record<string, DerpMapRegion>>;
}

export interface ITailnetPolicy {
  addTagOwner(tag: string, owners: readonly string[]): void;
  addAcl(rule: AclRule): void;
  addGrant(rule: GrantRule): void;
  setDerpMap(map: DerpMap): void;
  /** The fleet whose relays the policy must admit clients to (read at synth). One per policy. */
  setDerpFleet(fleet: IDerpNodeSource): void;
  /** A test the policy must pass at synth (and that Tailscale runs on every policy change). */
  addTest(test: PolicyTestEntry): void;
}
