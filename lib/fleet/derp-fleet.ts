/**
 * A DERP fleet: relays from any cloud grouped into derpMap regions. It is the one place that knows every
 * relay, so it checks what a tailnet cannot recover from at run time (two regions claiming one RegionID, two
 * nodes claiming one hostname, a relay in two fleets) and produces the derpMap three ways: a Terraform
 * output (not sensitive: it holds host names and public addresses only), `derp-map.json` in the stack's
 * output directory, and the `derpMap` of a TailnetPolicy.
 */
import { isIP } from 'net';
import { Lazy, TerraformOutput, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { DERP_FLEET_MEMBERSHIP, type DerpNodeInfo, type IDerpRelay } from '../contracts/derp-node';
import type { DerpMap, DerpMapNode, DerpMapRegion, ITailnetPolicy } from '../contracts/tailnet-policy';
import { isPlainFileName, writeJsonBesideStack } from '../tailnet/stack-file';
import { fqdnProblem } from '../boot/validate';
import { ConstructConfigError } from '../errors';

/** Something that knows the DERP nodes (a DerpFleet); what Monitoring scrapes and probes. */
export interface IDerpNodeSource {
  /** The nodes, in the order they were added. */
  readonly nodes: readonly DerpNodeInfo[];
}

export interface DerpFleetProps {
  /**
   * Relays to start with. More can be added with addRelay.
   * @default none (at least one must be added before synth)
   */
  readonly relays?: readonly IDerpRelay[];
  /**
   * Drop Tailscale's own DERP regions from the tailnet's map, so relayed traffic uses only this fleet.
   * Relayed traffic is end-to-end encrypted either way; this decides who sees its metadata, and whether
   * clients have a fallback when every relay of the fleet is down.
   * @default false: Tailscale's regions stay available as a fallback
   */
  readonly omitDefaultRegions?: boolean;
  /**
   * Where clients get each node's address. `relays`: the derpMap carries the relays' public IPv4/IPv6
   * (Terraform references), so the fleet, its relays and the policy that receives the map must share one
   * stack. `dns`: the derpMap carries host names only and clients resolve them (publish A/AAAA records for
   * every relay); relays may then live in any stack (one per cloud or region), with no cross-stack
   * reference and no remote-state data source.
   * @default 'relays'
   */
  readonly nodeAddresses?: 'relays' | 'dns';
  /**
   * Tailnet policy to receive the derpMap. Must be in the fleet's stack: the map holds the relays' public
   * addresses as Terraform references, which only resolve in the stack that creates them.
   * @default none: use `derpMap`, the output or derp-map.json yourself
   */
  readonly tailnetPolicy?: ITailnetPolicy;
  /**
   * Name of the Terraform output holding the derpMap.
   * @default 'derp_map'
   */
  readonly outputName?: string;
  /**
   * File name of the derpMap in the stack's output directory.
   * @default 'derp-map.json'
   */
  readonly fileName?: string;
}

/** A relay or fleet setting that would make a broken derpMap. Names the fleet, the prop and the value. */
export class DerpFleetError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string) {
    super({ constructKind: 'DerpFleet', constructPath, prop, value, reason });
    this.name = 'DerpFleetError';
  }
}

/** RegionIDs 900-999 are reserved for custom DERP regions; Tailscale's own use lower numbers. */
export const CUSTOM_REGION_IDS = { min: 900, max: 999 } as const;

const NODE_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;
const REGION_CODE = /^[a-z0-9][a-z0-9-]{0,62}$/;

interface Member {
  readonly relay: IDerpRelay;
  readonly node: DerpNodeInfo;
  readonly where: string;
}

export class DerpFleet extends Construct implements IDerpNodeSource {
  /** The Terraform output with the derpMap. */
  public readonly output: TerraformOutput;
  public readonly omitDefaultRegions: boolean;
  public readonly fileName: string;
  public readonly nodeAddresses: 'relays' | 'dns';
  private readonly members: Member[] = [];

  constructor(scope: Construct, id: string, props: DerpFleetProps = {}) {
    super(scope, id);
    this.omitDefaultRegions = props.omitDefaultRegions ?? false;
    this.fileName = props.fileName ?? 'derp-map.json';
    this.nodeAddresses = props.nodeAddresses ?? 'relays';
    if (this.nodeAddresses !== 'relays' && this.nodeAddresses !== 'dns') {
      throw this.error('props.nodeAddresses', this.nodeAddresses, "must be 'relays' or 'dns'");
    }
    if (!isPlainFileName(this.fileName)) {
      throw this.error('props.fileName', this.fileName, "must be a plain file name ending in '.json' (no directories)");
    }
    const outputName = props.outputName ?? 'derp_map';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(outputName)) {
      throw this.error('props.outputName', outputName, "must be a Terraform identifier (letters, digits, '_' and '-', not starting with a digit)");
    }
    (props.relays ?? []).forEach((relay, i) => this.add(relay, `props.relays[${i}]`));

    this.output = new TerraformOutput(this, 'derp-map', {
      value: Lazy.anyValue({ produce: () => this.derpMap }),
      description: 'The derpMap of the tailnet policy: DERP regions, host names and public addresses of the fleet. Holds no secret.',
      sensitive: false,
    });
    this.output.overrideLogicalId(outputName);

    if (props.tailnetPolicy) {
      const policy = props.tailnetPolicy;
      if (this.nodeAddresses === 'relays' && Construct.isConstruct(policy) && TerraformStack.of(policy) !== TerraformStack.of(this)) {
        throw this.error(
          'props.tailnetPolicy',
          policy.node.path,
          `is in stack '${TerraformStack.of(policy).node.id}', not the fleet's stack '${TerraformStack.of(this).node.id}'; the derpMap refers to the relays' addresses, which resolve only in their own stack. Create the TailnetPolicy in the fleet's stack (other stacks can still add entries to it).`,
        );
      }
      // A live view: relays added later are in it, because the policy reads it at synth.
      const fleet = this;
      policy.setDerpMap({
        get OmitDefaultRegions() {
          return fleet.omitDefaultRegions;
        },
        get Regions() {
          return fleet.derpMap.Regions;
        },
      });
    }

    writeJsonBesideStack(this, this.fileName, () => this.derpMap);
  }

  /** Add a relay. Errors name the relay's construct path and the conflicting value. */
  public addRelay(relay: IDerpRelay): void {
    this.add(relay, `addRelay(${relay?.node?.path ?? '?'})`);
  }

  public get relays(): readonly IDerpRelay[] {
    return this.members.map((m) => m.relay);
  }

  public get nodes(): readonly DerpNodeInfo[] {
    return this.members.map((m) => m.node);
  }

  /** The derpMap (tokens unresolved). Throws when the fleet has no relay. */
  public get derpMap(): DerpMap {
    if (this.members.length === 0) {
      throw this.error('relays', [], 'is empty: a fleet needs at least one relay (props.relays or addRelay)');
    }
    const regions = new Map<number, { code: string; name: string; nodes: DerpMapNode[] }>();
    for (const { node } of this.members) {
      const region = regions.get(node.regionId) ?? { code: node.regionCode, name: node.regionName, nodes: [] };
      region.nodes.push({
        Name: node.name,
        RegionID: node.regionId,
        HostName: node.hostName,
        ...(node.ipv4 !== undefined && this.nodeAddresses === 'relays' ? { IPv4: node.ipv4 } : {}),
        ...(node.ipv6 !== undefined && this.nodeAddresses === 'relays' ? { IPv6: node.ipv6 } : {}),
        STUNPort: node.stunPort,
        DERPPort: node.derpPort,
      });
      regions.set(node.regionId, region);
    }
    const entries: [string, DerpMapRegion][] = [...regions.entries()]
      .sort(([a], [b]) => a - b)
      .map(([id, r]) => [String(id), { RegionID: id, RegionCode: r.code, RegionName: r.name, Nodes: r.nodes }]);
    return { OmitDefaultRegions: this.omitDefaultRegions, Regions: Object.fromEntries(entries) };
  }

  private add(relay: IDerpRelay, where: string): void {
    if (!relay || !Construct.isConstruct(relay) || relay.derpNode === undefined) {
      throw this.error(where, relay === undefined ? null : String(relay), 'is not a DERP relay (an IDerpRelay construct with derpNode)');
    }
    const owner = (relay as unknown as Record<symbol, unknown>)[DERP_FLEET_MEMBERSHIP];
    if (owner !== undefined) {
      const ownerPath = owner instanceof Construct ? owner.node.path : String(owner);
      throw this.error(where, relay.node.path, `is already in the fleet '${ownerPath}'; a relay belongs to one fleet (one derpMap)`);
    }
    if (this.nodeAddresses === 'relays' && TerraformStack.of(relay) !== TerraformStack.of(this)) {
      throw this.error(
        where,
        relay.node.path,
        `is in stack '${TerraformStack.of(relay).node.id}', not the fleet's stack '${TerraformStack.of(this).node.id}'; its addresses would become cross-stack references (use nodeAddresses: 'dns' for relays in other stacks)`,
      );
    }
    const node = relay.derpNode;
    this.checkNode(`${where}.derpNode`, node);
    for (const other of this.members) {
      const o = other.node;
      if (o.name === node.name) {
        throw this.error(`${where}.derpNode.name`, node.name, `is also the name of ${other.where} (${other.relay.node.path}); node names must be unique in the fleet`);
      }
      if (o.hostName.toLowerCase() === node.hostName.toLowerCase()) {
        throw this.error(`${where}.derpNode.hostName`, node.hostName, `is also the host name of ${other.where} (${other.relay.node.path}); each node needs its own name and certificate`);
      }
      if (o.regionId === node.regionId && (o.regionCode !== node.regionCode || o.regionName !== node.regionName)) {
        throw this.error(
          `${where}.derpNode.regionId`,
          node.regionId,
          `is region '${node.regionCode}' ('${node.regionName}') here but '${o.regionCode}' ('${o.regionName}') on ${other.relay.node.path}; one RegionID, one code and name`,
        );
      }
      if (o.regionId !== node.regionId && o.regionCode === node.regionCode) {
        throw this.error(`${where}.derpNode.regionCode`, node.regionCode, `is used by RegionID ${o.regionId} (${other.relay.node.path}) and ${node.regionId}; region codes must be unique`);
      }
    }
    Object.defineProperty(relay, DERP_FLEET_MEMBERSHIP, { value: this, enumerable: false, configurable: false, writable: false });
    this.members.push({ relay, node, where });
  }

  private checkNode(where: string, node: DerpNodeInfo): void {
    const literal = (prop: keyof DerpNodeInfo) => {
      const value = node[prop];
      if (value === undefined || value === null) throw this.error(`${where}.${prop}`, value ?? null, 'is missing');
      if (Token.isUnresolved(value)) throw this.error(`${where}.${prop}`, String(value), 'must be known at synth, not a Terraform token');
      return value;
    };
    const name = literal('name');
    if (typeof name !== 'string' || !NODE_NAME.test(name)) throw this.error(`${where}.name`, name, "must be 1-63 letters, digits or '-', starting with a letter or digit");
    const host = literal('hostName');
    const hostProblem = typeof host === 'string' ? fqdnProblem(host) : 'must be a string';
    if (hostProblem) throw this.error(`${where}.hostName`, host, hostProblem);
    const regionId = literal('regionId');
    if (typeof regionId !== 'number' || !Number.isInteger(regionId) || regionId < CUSTOM_REGION_IDS.min || regionId > CUSTOM_REGION_IDS.max) {
      throw this.error(`${where}.regionId`, regionId, `must be a whole number from ${CUSTOM_REGION_IDS.min} to ${CUSTOM_REGION_IDS.max} (the RegionIDs reserved for custom DERP regions)`);
    }
    const code = literal('regionCode');
    if (typeof code !== 'string' || !REGION_CODE.test(code)) throw this.error(`${where}.regionCode`, code, "must be lower-case letters, digits or '-', e.g. 'aws-fra'");
    const regionName = literal('regionName');
    if (typeof regionName !== 'string' || regionName.trim() === '' || regionName.length > 100) {
      throw this.error(`${where}.regionName`, regionName, 'must be a non-empty name of at most 100 characters');
    }
    for (const prop of ['stunPort', 'derpPort'] as const) {
      const port = literal(prop);
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) throw this.error(`${where}.${prop}`, port, 'must be a port from 1 to 65535');
    }
    for (const [prop, family] of [['ipv4', 4], ['ipv6', 6]] as const) {
      const ip = node[prop];
      if (ip === undefined || Token.isUnresolved(ip)) continue;
      if (isIP(ip) !== family) throw this.error(`${where}.${prop}`, ip, `must be an IPv${family} address (or a Terraform reference to one)`);
    }
  }

  private error(prop: string, value: unknown, reason: string): DerpFleetError {
    return new DerpFleetError(this.node.path, prop, value, reason);
  }
}

/** The one FQDN rule of lib/ (lib/boot/validate.ts), re-exported where it was first published. */
export { fqdnProblem };
