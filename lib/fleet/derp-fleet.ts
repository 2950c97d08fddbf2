/**
 * A DERP fleet: relays from any cloud grouped into derpMap regions. It is the one place that knows every
 * relay, so it checks what a tailnet cannot recover from at run time (two regions claiming one RegionID, two
 * nodes claiming one hostname, a relay in two fleets) and produces the derpMap three ways: a Terraform
 * output (not sensitive: it holds host names and public addresses only), `derp-map.json` in the stack's
 * output directory, and the `derpMap` of a TailnetPolicy.
 *
 * It also holds what must be the same on every relay: one Tailscale version ({@link DerpFleet.versions},
 * which relays take as their `versions`; a relay on another version is refused), and, in a region of
 * more than one node, one mesh (every node meshes with every other under one key; otherwise synth
 * refuses the fleet, naming the region and its nodes). Given a TailnetPolicy, it hands the policy the
 * fleet, so the policy admits the fleet's clients (derper -verify-clients) and proves it at synth.
 */
import { isIP } from 'net';
import type { TerraformOutput } from 'cdktf';
import { cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import { DERP_FLEET_MEMBERSHIP, type DerpNodeInfo, type IDerpNodeSource, type IDerpRelay } from '../contracts/derp-node';
import type { DerpMap, DerpMapNode, DerpMapRegion, ITailnetPolicy } from '../contracts/tailnet-policy';
import { isPlainFileName, writeJsonBesideStack } from '../tailnet/stack-file';
import { fqdnProblem } from '../boot/validate';
import { compareVersions, MIN_TAILSCALE_VERSION, TAILSCALE_VERSION } from '../boot/versions';
import type { DerpVersions } from '../boot/derp-user-data';
import { ConstructConfigError } from '../errors';

/** Something that knows the DERP nodes (a DerpFleet); defined in lib/contracts, re-exported where it was first published. */
export type { IDerpNodeSource };

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
   * Where clients get each node's address. `relays`: the derpMap carries the relays' public IPv4/IPv6,
   * so clients do not depend on DNS to find them. A relay in the fleet's stack may publish Terraform
   * references (a new Elastic IP, a reserved IP); a relay in another stack must publish literal
   * addresses (AwsDerpRelay `elasticIp`/`ipv6Address`, DigitalOceanDerpRelay `reservedIp: '<address>'`),
   * since a reference would become a cross-stack reference (a remote-state data source); its IPv6, if
   * only a reference, is left out (clients use its AAAA record). `dns`: host names only; clients resolve
   * them (relays create their A/AAAA records with `dnsZone`/`dnsDomain`).
   * @default 'relays'
   */
  readonly nodeAddresses?: 'relays' | 'dns';
  /**
   * What every relay of the fleet runs: one Tailscale version (tailscaled and derper; the default is
   * lib/boot's TAILSCALE_VERSION), the derper binary's pinned sha256 per architecture, the Go toolchain
   * and the node exporter source. Relays take {@link DerpFleet.versions} as their `versions`; the fleet
   * refuses a relay on another Tailscale version, and monitoring reads {@link DerpFleet.tailscaleVersion}.
   * @default {} (lib/boot's defaults; relays then need derperSha256 or trustUnpinnedDerperBuild of their own)
   */
  readonly versions?: DerpVersions;
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
  /** What every relay runs (pass it as each relay's `versions`). */
  public readonly versions: DerpVersions;
  /** The one Tailscale version of the fleet. */
  public readonly tailscaleVersion: string;
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
    this.versions = { ...(props.versions ?? {}) };
    this.tailscaleVersion = this.versions.tailscale ?? TAILSCALE_VERSION;
    if (typeof this.tailscaleVersion !== 'string' || !/^[0-9]+\.[0-9]+\.[0-9]+$/.test(this.tailscaleVersion)) {
      throw this.error('props.versions.tailscale', this.tailscaleVersion, "must be a release version like '1.102.3' (no leading 'v')");
    }
    if (compareVersions(this.tailscaleVersion, MIN_TAILSCALE_VERSION) < 0) {
      throw this.error(
        'props.versions.tailscale',
        this.tailscaleVersion,
        `is older than ${MIN_TAILSCALE_VERSION}, the first release with the fix for TS-2025-003 (derper mesh key timing leak)`,
      );
    }
    this.versions = { ...this.versions, tailscale: this.tailscaleVersion };
    const outputName = props.outputName ?? 'derp_map';
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(outputName)) {
      throw this.error('props.outputName', outputName, "must be a Terraform identifier (letters, digits, '_' and '-', not starting with a digit)");
    }
    (props.relays ?? []).forEach((relay, i) => this.add(relay, `props.relays[${i}]`));

    this.output = new cdk.TerraformOutput(this, 'derp-map', {
      value: cdk.Lazy.anyValue({ produce: () => this.derpMap }),
      description: 'The derpMap of the tailnet policy: DERP regions, host names and public addresses of the fleet. Holds no secret.',
      sensitive: false,
    });
    this.output.overrideLogicalId(outputName);

    if (props.tailnetPolicy) {
      const policy = props.tailnetPolicy;
      if (this.nodeAddresses === 'relays' && Construct.isConstruct(policy) && cdk.TerraformStack.of(policy) !== cdk.TerraformStack.of(this)) {
        throw this.error(
          'props.tailnetPolicy',
          policy.node.path,
          `is in stack '${cdk.TerraformStack.of(policy).node.id}', not the fleet's stack '${cdk.TerraformStack.of(this).node.id}'; the derpMap refers to the relays' addresses, which resolve only in their own stack. Create the TailnetPolicy in the fleet's stack (other stacks can still add entries to it).`,
        );
      }
      // A live view: relays added later are in it, because the policy reads it at synth. (The getters
      // need the fleet, and `this` inside them is the derpMap object.)
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const fleet = this;
      policy.setDerpFleet(this);
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

  /** The derpMap (tokens unresolved). Throws when the fleet has no relay, or a region's nodes do not mesh. */
  public get derpMap(): DerpMap {
    if (this.members.length === 0) {
      throw this.error('relays', [], 'is empty: a fleet needs at least one relay (props.relays or addRelay)');
    }
    this.checkMeshes();
    const regions = new Map<number, { code: string; name: string; nodes: DerpMapNode[] }>();
    for (const { relay, node } of this.members) {
      const region = regions.get(node.regionId) ?? { code: node.regionCode, name: node.regionName, nodes: [] };
      const here = cdk.TerraformStack.of(relay) === cdk.TerraformStack.of(this);
      // A reference from another stack cannot be used here; a literal address can, from any stack.
      const publish = (ip: string | undefined) => ip !== undefined && this.nodeAddresses === 'relays' && (here || !cdk.Token.isUnresolved(ip));
      region.nodes.push({
        Name: node.name,
        RegionID: node.regionId,
        HostName: node.hostName,
        ...(publish(node.ipv4) ? { IPv4: node.ipv4 } : {}),
        ...(publish(node.ipv6) ? { IPv6: node.ipv6 } : {}),
        STUNPort: node.stunPort,
        DERPPort: node.derpPort,
        ...(node.canPort80 ? { CanPort80: true } : {}),
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
    const node = relay.derpNode;
    if (
      this.nodeAddresses === 'relays' &&
      cdk.TerraformStack.of(relay) !== cdk.TerraformStack.of(this) &&
      (node.ipv4 === undefined || cdk.Token.isUnresolved(node.ipv4))
    ) {
      throw this.error(
        where,
        relay.node.path,
        `is in stack '${cdk.TerraformStack.of(relay).node.id}', not the fleet's stack '${cdk.TerraformStack.of(this).node.id}', and its IPv4 is not a literal, so the derpMap cannot carry it (it would become a cross-stack reference). Pin the address (AwsDerpRelay elasticIp, DigitalOceanDerpRelay reservedIp: '<address>') or use nodeAddresses: 'dns'`,
      );
    }
    if (node.tailscaleVersion !== this.tailscaleVersion) {
      throw this.error(
        `${where}.derpNode.tailscaleVersion`,
        node.tailscaleVersion ?? null,
        `differs from the fleet's Tailscale version ${this.tailscaleVersion}; a fleet runs one version (build the relay with versions: fleet.versions)`,
      );
    }
    this.checkNode(`${where}.derpNode`, node);
    for (const other of this.members) {
      const o = other.node;
      if (o.name === node.name) {
        throw this.error(
          `${where}.derpNode.name`,
          node.name,
          `is also the name of ${other.where} (${other.relay.node.path}); node names must be unique in the fleet`,
        );
      }
      if (o.hostName.toLowerCase() === node.hostName.toLowerCase()) {
        throw this.error(
          `${where}.derpNode.hostName`,
          node.hostName,
          `is also the host name of ${other.where} (${other.relay.node.path}); each node needs its own name and certificate`,
        );
      }
      if (o.regionId === node.regionId && (o.regionCode !== node.regionCode || o.regionName !== node.regionName)) {
        throw this.error(
          `${where}.derpNode.regionId`,
          node.regionId,
          `is region '${node.regionCode}' ('${node.regionName}') here but '${o.regionCode}' ('${o.regionName}') on ${other.relay.node.path}; one RegionID, one code and name`,
        );
      }
      if (o.regionId !== node.regionId && o.regionCode === node.regionCode) {
        throw this.error(
          `${where}.derpNode.regionCode`,
          node.regionCode,
          `is used by RegionID ${o.regionId} (${other.relay.node.path}) and ${node.regionId}; region codes must be unique`,
        );
      }
    }
    Object.defineProperty(relay, DERP_FLEET_MEMBERSHIP, { value: this, enumerable: false, configurable: false, writable: false });
    this.members.push({ relay, node, where });
  }

  /**
   * A region of more than one node must mesh: every node lists every node of the region and reads the
   * same key. Otherwise a client homed on one node cannot reach a client homed on another.
   */
  private checkMeshes(): void {
    const byRegion = new Map<number, Member[]>();
    for (const m of this.members) byRegion.set(m.node.regionId, [...(byRegion.get(m.node.regionId) ?? []), m]);
    for (const [regionId, members] of byRegion) {
      if (members.length < 2) continue;
      const hosts = members.map((m) => m.node.hostName).sort();
      const named = members.map((m) => `${m.node.name} (${m.node.hostName}, ${m.relay.node.path})`).join(', ');
      const head = `region ${regionId} '${members[0].node.regionCode}' has ${members.length} nodes: ${named}; a region of more than one node must mesh (derper -mesh-with every node of the region, -mesh-psk-file one key from the secret store)`;
      for (const m of members) {
        const mesh = m.node.mesh;
        if (m.node.meshUnsupported) throw this.error(`${m.where}.derpNode.mesh`, m.node.name, `cannot join: ${head}, and ${m.node.meshUnsupported}`);
        if (!mesh) {
          throw this.error(
            `${m.where}.derpNode.mesh`,
            m.node.name,
            `is missing: ${head}. Give every node mesh: { keySecret, regionHostnames: ${JSON.stringify(hosts)} }`,
          );
        }
        const listed = [...mesh.with].sort();
        if (listed.join(',') !== hosts.join(',')) {
          throw this.error(`${m.where}.derpNode.mesh.with`, mesh.with, `must list exactly the region's nodes ${JSON.stringify(hosts)}: ${head}`);
        }
        if (mesh.keySecret !== members[0].node.mesh?.keySecret) {
          throw this.error(
            `${m.where}.derpNode.mesh.keySecret`,
            mesh.keySecret,
            `differs from ${members[0].node.name}'s (${members[0].node.mesh?.keySecret ?? 'none'}): ${head}; one key per region`,
          );
        }
      }
    }
  }

  private checkNode(where: string, node: DerpNodeInfo): void {
    const literal = (prop: keyof DerpNodeInfo) => {
      const value = node[prop];
      if (value === undefined || value === null) throw this.error(`${where}.${prop}`, value ?? null, 'is missing');
      if (cdk.Token.isUnresolved(value)) throw this.error(`${where}.${prop}`, String(value), 'must be known at synth, not a Terraform token');
      return value;
    };
    const name = literal('name');
    if (typeof name !== 'string' || !NODE_NAME.test(name))
      throw this.error(`${where}.name`, name, "must be 1-63 letters, digits or '-', starting with a letter or digit");
    const host = literal('hostName');
    const hostProblem = typeof host === 'string' ? fqdnProblem(host) : 'must be a string';
    if (hostProblem) throw this.error(`${where}.hostName`, host, hostProblem);
    const regionId = literal('regionId');
    if (typeof regionId !== 'number' || !Number.isInteger(regionId) || regionId < CUSTOM_REGION_IDS.min || regionId > CUSTOM_REGION_IDS.max) {
      throw this.error(
        `${where}.regionId`,
        regionId,
        `must be a whole number from ${CUSTOM_REGION_IDS.min} to ${CUSTOM_REGION_IDS.max} (the RegionIDs reserved for custom DERP regions)`,
      );
    }
    const code = literal('regionCode');
    if (typeof code !== 'string' || !REGION_CODE.test(code))
      throw this.error(`${where}.regionCode`, code, "must be lower-case letters, digits or '-', e.g. 'aws-fra'");
    const regionName = literal('regionName');
    if (typeof regionName !== 'string' || regionName.trim() === '' || regionName.length > 100) {
      throw this.error(`${where}.regionName`, regionName, 'must be a non-empty name of at most 100 characters');
    }
    for (const prop of ['stunPort', 'derpPort'] as const) {
      const port = literal(prop);
      if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535)
        throw this.error(`${where}.${prop}`, port, 'must be a port from 1 to 65535');
    }
    for (const [prop, family] of [
      ['ipv4', 4],
      ['ipv6', 6],
    ] as const) {
      const ip = node[prop];
      if (ip === undefined || cdk.Token.isUnresolved(ip)) continue;
      if (isIP(ip) !== family) throw this.error(`${where}.${prop}`, ip, `must be an IPv${family} address (or a Terraform reference to one)`);
    }
  }

  private error(prop: string, value: unknown, reason: string): DerpFleetError {
    return new DerpFleetError(this.node.path, prop, value, reason);
  }
}

/** The one FQDN rule of lib/ (lib/boot/validate.ts), re-exported where it was first published. */
export { fqdnProblem };
