/**
 * The tailnet policy model shared by the constructs: what each construct contributes (tag owners, ACLs,
 * grants, the derpMap) to one policy document. TailnetPolicy implements ITailnetPolicy.
 */

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
}
