/**
 * One tailnet policy document, assembled from what every construct contributes: tag owners, groups, ACLs,
 * grants, the derpMap (and SSH rules, none by default). Written to `<outdir>/stacks/<stack>/tailnet-policy.json`
 * at synth, and optionally managed as a `tailscale_acl` resource.
 *
 * Tailscale policies deny by default, so every entry here is an allowance someone asked for in code. Entries
 * are checked when they are added (with the prop that held them); references between them (a tag used in an
 * ACL must have an owner, a group must be defined) are checked at synth, when every construct has had its say.
 */
import { cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import { DERP_TAG } from '../boot/derp-user-data';
import { NODE_EXPORTER_PORT } from '../boot/node-exporter-unit';
import type { IDerpNodeSource } from '../contracts/derp-node';
import type { AclRule, DerpMap, GrantRule, ITailnetPolicy, PolicyTestEntry } from '../contracts/tailnet-policy';
import { describePolicyTestFailures, evaluatePolicyTests, peersVisible } from './evaluate';
import { indexPolicy } from './evaluate/policy-index';
import { matchSelector } from './evaluate/selector';
import { TailscaleAcl } from '../tailscale/acl';
import { isTailscaleProvider, type TailscaleProvider } from '../tailscale/provider';
import { isPlainFileName, writeJsonBesideStack } from './stack-file';
import {
  canonicalJson,
  checkAclDestination,
  checkCapability,
  checkGrantIp,
  checkGroup,
  checkGroupMember,
  checkPrincipal,
  checkTag,
  checkTagOwner,
  referencedNames,
  type Check,
} from './syntax';
import { ConstructConfigError } from '../errors';

/** A Tailscale SSH rule (`ssh` section). */
export interface SshRule {
  readonly action: 'accept' | 'check';
  readonly src: readonly string[];
  readonly dst: readonly string[];
  /** Local users to log in as, e.g. `autogroup:nonroot` or `ubuntu`. `root` is refused. */
  readonly users: readonly string[];
  /**
   * For `check`: how long a re-authentication lasts, e.g. `12h`.
   * @default Tailscale's (12h)
   */
  readonly checkPeriod?: string;
}

/** The policy document as written (JSON; field names as Tailscale spells them). */
export interface TailnetPolicyDocument {
  readonly groups: Record<string, string[]>;
  readonly tagOwners: Record<string, string[]>;
  readonly acls: AclRule[];
  readonly grants: GrantRule[];
  readonly ssh: SshRule[];
  /**
   * The fleet's derpMap.
   * @default absent: the tailnet uses Tailscale's DERP regions only
   */
  readonly derpMap?: DerpMap;
  /**
   * Tests Tailscale runs on every change of the policy, and synth runs first (lib/tailnet/evaluate):
   * those the model implies and yours.
   * @default absent when there are none
   */
  readonly tests?: PolicyTestEntry[];
}

/** The setec capability (what SecretStore grants write). */
const SECRETS_CAPABILITY = 'tailscale.com/cap/secrets';

/** The only secrets a DERP relay may be granted: its join key and its region's mesh key live here. */
export const DERP_SECRET_PREFIX = 'derp/';

export interface TailnetPolicyProps {
  /**
   * Groups and their members (`{ 'group:infra': ['alice@example.com'] }`).
   * @default no groups; add more with addGroup
   */
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  /**
   * Who may apply each tag (`{ 'tag:derp': ['group:infra'] }`). Every tag any entry uses must have owners.
   * @default no tag owners; constructs add theirs, add more with addTagOwner
   */
  readonly tagOwners?: Readonly<Record<string, readonly string[]>>;
  /**
   * ACL entries.
   * @default none (nothing is allowed except what constructs add)
   */
  readonly acls?: readonly AclRule[];
  /**
   * Grants.
   * @default none
   */
  readonly grants?: readonly GrantRule[];
  /**
   * Tailscale SSH rules.
   * @default none: Tailscale SSH is not allowed to any node
   */
  readonly ssh?: readonly SshRule[];
  /**
   * Also apply the policy with Terraform, as a `tailscale_acl` resource of the tailscale/tailscale provider
   * (TailscaleProvider must be in this stack). This replaces the whole tailnet policy on apply.
   * @default false: the policy is only written to the stack output, for review and upload by your process
   */
  readonly manageWithTerraform?: boolean;
  /**
   * The provider for the `tailscale_acl` resource.
   * @default the stack's (unaliased) TailscaleProvider
   */
  readonly tailscaleProvider?: TailscaleProvider;
  /**
   * With manageWithTerraform: replace a policy Terraform did not create without importing it first.
   * @default false: the provider refuses, so a policy someone edited by hand is never silently replaced
   */
  readonly overwriteExistingPolicy?: boolean;
  /**
   * File name in the stack's output directory.
   * @default 'tailnet-policy.json'
   */
  readonly fileName?: string;
  /**
   * Who uses the DERP fleet's relays (users, groups, tags, autogroups). The relays run derper with
   * `-verify-clients`, which admits only nodes the relay's own tailscaled has as peers, and a node is a
   * peer only if some rule lets one side reach the other; so these must be peers of `tag:derp`.
   * @default ['autogroup:member']: every member's devices (tagged servers must be listed by tag)
   */
  readonly derpClients?: readonly string[];
  /**
   * How {@link derpClients} become peers of the relays. `grant` (default): the policy adds one grant,
   * `{ src: [...derpClients, 'tag:derp'], dst: ['tag:derp'], ip: ['tcp:443', 'udp:3478'] }`: the
   * narrowest rule that makes them peers, and no access beyond what the relays serve to the whole
   * internet anyway (DERP and STUN; derper listens on every interface). `tag:derp` is among the
   * sources because a relay's own tailscaled uses the fleet too (a region's second node connects to the
   * first). `own-rules`: you wrote the rules; synth still proves each client is a peer of `tag:derp`.
   * Either way synth refuses a policy in which some client is not.
   * @default 'grant'
   */
  readonly derpClientAdmission?: 'grant' | 'own-rules';
  /**
   * Your own policy tests, run at synth with the generated ones (see {@link TailnetPolicyDocument.tests}).
   * @default none
   */
  readonly tests?: readonly PolicyTestEntry[];
}

/** A bad policy entry or prop: names the construct path, where the value came from, and the value. */
export class TailnetPolicyError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string) {
    super({ constructKind: 'TailnetPolicy', constructPath, prop, value, reason });
    this.name = 'TailnetPolicyError';
  }
}

export class TailnetPolicy extends Construct implements ITailnetPolicy {
  /** The `tailscale_acl` resource, when managed with Terraform. */
  public readonly acl?: TailscaleAcl;
  public readonly fileName: string;

  private readonly groups = new Map<string, string[]>();
  private readonly tagOwners = new Map<string, string[]>();
  private readonly acls = new Map<string, AclRule>();
  private readonly grants = new Map<string, GrantRule>();
  private readonly sshRules = new Map<string, SshRule>();
  private derpMap?: DerpMap;
  private derpFleet?: IDerpNodeSource;
  private readonly userTests: PolicyTestEntry[] = [];
  /** Who may use the fleet's relays. */
  public readonly derpClients: readonly string[];
  public readonly derpClientAdmission: 'grant' | 'own-rules';
  private readonly manageWithTerraform: boolean;
  private readonly tailscaleProvider?: TailscaleProvider;

  constructor(scope: Construct, id: string, props: TailnetPolicyProps = {}) {
    super(scope, id);
    this.fileName = props.fileName ?? 'tailnet-policy.json';
    if (!isPlainFileName(this.fileName)) {
      throw this.error('props.fileName', this.fileName, "must be a plain file name ending in '.json' (no directories)");
    }
    if (props.overwriteExistingPolicy !== undefined && !props.manageWithTerraform) {
      throw this.error('props.overwriteExistingPolicy', props.overwriteExistingPolicy, 'only applies with manageWithTerraform: true');
    }
    for (const [group, members] of Object.entries(props.groups ?? {})) this.addGroupFrom(`props.groups['${group}']`, group, members);
    for (const [tag, owners] of Object.entries(props.tagOwners ?? {})) this.addTagOwnerFrom(`props.tagOwners['${tag}']`, tag, owners);
    (props.acls ?? []).forEach((rule, i) => this.addAclFrom(`props.acls[${i}]`, rule));
    (props.grants ?? []).forEach((rule, i) => this.addGrantFrom(`props.grants[${i}]`, rule));
    (props.ssh ?? []).forEach((rule, i) => this.addSshRuleFrom(`props.ssh[${i}]`, rule));
    (props.tests ?? []).forEach((test, i) => this.addTestFrom(`props.tests[${i}]`, test));
    this.derpClients = [...(props.derpClients ?? ['autogroup:member'])];
    this.list('props.derpClients', this.derpClients, (c) =>
      c === '*' ? "is refused: '*' also covers subnet routes; name users, groups, tags or autogroups" : checkPrincipal(c),
    );
    this.derpClientAdmission = props.derpClientAdmission ?? 'grant';
    if (this.derpClientAdmission !== 'grant' && this.derpClientAdmission !== 'own-rules') {
      throw this.error('props.derpClientAdmission', this.derpClientAdmission, "must be 'grant' or 'own-rules'");
    }

    this.manageWithTerraform = props.manageWithTerraform ?? false;
    this.tailscaleProvider = props.tailscaleProvider;
    if (this.manageWithTerraform) {
      this.acl = new TailscaleAcl(this, 'acl', {
        acl: cdk.Lazy.stringValue({ produce: () => JSON.stringify(this.checkedDocument(), null, 2) }),
        overwriteExistingContent: props.overwriteExistingPolicy ?? false,
        provider: props.tailscaleProvider,
      });
    }
    // Reported with cdktf's other validations; checked again at write time for apps with skipValidation.
    this.node.addValidation({
      validate: () => {
        const problem = this.providerProblem();
        return problem ? [this.error('props.manageWithTerraform', true, problem).message] : [];
      },
    });
    writeJsonBesideStack(this, this.fileName, () => {
      this.checkProvider();
      return this.checkedDocument();
    });
  }

  public addGroup(group: string, members: readonly string[]): void {
    this.addGroupFrom(`addGroup('${group}')`, group, members);
  }

  public addTagOwner(tag: string, owners: readonly string[]): void {
    this.addTagOwnerFrom(`addTagOwner('${tag}')`, tag, owners);
  }

  public addAcl(rule: AclRule): void {
    this.addAclFrom('addAcl(rule)', rule);
  }

  public addGrant(rule: GrantRule): void {
    this.addGrantFrom('addGrant(rule)', rule);
  }

  public addSshRule(rule: SshRule): void {
    this.addSshRuleFrom('addSshRule(rule)', rule);
  }

  /** Set the derpMap. Only one fleet may own it: a second, different map is an error. */
  public setDerpMap(map: DerpMap): void {
    if (this.derpMap !== undefined && this.derpMap !== map) {
      throw this.error(
        'setDerpMap(map)',
        '<a second derpMap>',
        'conflicts with the derpMap already set; a tailnet has one derpMap, so feed this policy from one DerpFleet',
      );
    }
    if (map === null || typeof map !== 'object') throw this.error('setDerpMap(map)', map, 'must be a derpMap object');
    this.derpMap = map;
  }

  /** The fleet whose relays this policy admits clients to. Only one: a tailnet has one derpMap. */
  public setDerpFleet(fleet: IDerpNodeSource): void {
    if (fleet === null || typeof fleet !== 'object' || !('nodes' in fleet))
      throw this.error('setDerpFleet(fleet)', fleet, 'must be a DerpFleet (anything with `nodes`)');
    if (this.derpFleet !== undefined && this.derpFleet !== fleet) {
      throw this.error('setDerpFleet(fleet)', '<a second fleet>', 'conflicts with the fleet already set; a tailnet has one DERP fleet (one derpMap)');
    }
    this.derpFleet = fleet;
  }

  /** Add a test the policy must pass (at synth here, and in Tailscale on every policy change). */
  public addTest(test: PolicyTestEntry): void {
    this.addTestFrom('addTest(test)', test);
  }

  /** The document as it stands (tokens unresolved), without the synth-time cross-checks. */
  public get document(): TailnetPolicyDocument {
    const admission = this.admissionGrant();
    const grants = [...this.grants.values()];
    if (admission && !grants.some((g) => canonicalJson(g) === canonicalJson(admission))) grants.push(admission);
    const tests = [...this.generatedTests(), ...this.userTests];
    const doc: TailnetPolicyDocument = {
      groups: Object.fromEntries(this.groups),
      tagOwners: Object.fromEntries(this.tagOwners),
      acls: [...this.acls.values()],
      grants,
      ssh: [...this.sshRules.values()],
      ...(tests.length > 0 ? { tests } : {}),
    };
    return this.derpMap ? { ...doc, derpMap: { ...this.derpMap, Regions: this.derpMap.Regions } } : doc;
  }

  /** Whether the fleet has relays that run derper -verify-clients (read at synth). */
  private get verifyingRelays(): boolean {
    return (this.derpFleet?.nodes ?? []).some((n) => n.verifiesClients !== false);
  }

  /** The grant that makes the fleet's clients (and the relays themselves) peers of tag:derp, on derper's public ports only. */
  private admissionGrant(): GrantRule | undefined {
    if (this.derpClientAdmission !== 'grant' || !this.verifyingRelays) return undefined;
    return { src: [...new Set([...this.derpClients, DERP_TAG])], dst: [DERP_TAG], ip: this.derpPorts().map(([proto, port]) => `${proto}:${port}`) };
  }

  /** The ports the relays serve (DERP, STUN), from the fleet's nodes. */
  private derpPorts(): ['tcp' | 'udp', number][] {
    const nodes = this.derpFleet?.nodes ?? [];
    const tcp = [...new Set(nodes.map((n) => n.derpPort))].sort((a, b) => a - b);
    const udp = [...new Set(nodes.map((n) => n.stunPort))].sort((a, b) => a - b);
    return [...tcp.map((p) => ['tcp', p] as ['tcp', number]), ...udp.map((p) => ['udp', p] as ['udp', number])];
  }

  /**
   * What the model implies, as Tailscale tests: the clients reach the relays' DERP and STUN ports (with the
   * generated grant), and nobody but whoever a construct allowed (monitoring) reaches the relays' node
   * exporter: not the clients, not members, not the relays themselves.
   */
  private generatedTests(): PolicyTestEntry[] {
    if (!this.verifyingRelays) return [];
    const exporter = `${DERP_TAG}:${NODE_EXPORTER_PORT}`;
    const ports = this.derpPorts();
    const tests: PolicyTestEntry[] = [];
    for (const client of this.derpClients) {
      const tcp = ports.filter(([p]) => p === 'tcp').map(([, port]) => `${DERP_TAG}:${port}`);
      const udp = ports.filter(([p]) => p === 'udp').map(([, port]) => `${DERP_TAG}:${port}`);
      const accept = this.derpClientAdmission === 'grant';
      tests.push({ src: client, proto: 'tcp', ...(accept ? { accept: tcp } : {}), deny: [exporter] });
      if (accept && udp.length > 0) tests.push({ src: client, proto: 'udp', accept: udp });
    }
    if (!this.derpClients.includes('autogroup:member')) tests.push({ src: 'autogroup:member', proto: 'tcp', deny: [exporter] });
    tests.push({ src: DERP_TAG, proto: 'tcp', deny: [exporter] });
    return tests;
  }

  private checkedDocument(): TailnetPolicyDocument {
    const doc = this.document;
    const usedTags = new Map<string, string>();
    const usedGroups = new Map<string, string>();
    const note = (value: string, where: string) => {
      const { tags, groups } = referencedNames(value);
      for (const t of tags) if (!usedTags.has(t)) usedTags.set(t, where);
      for (const g of groups) if (!usedGroups.has(g)) usedGroups.set(g, where);
    };
    for (const [tag, owners] of Object.entries(doc.tagOwners)) owners.forEach((o) => note(o, `tagOwners['${tag}']`));
    doc.acls.forEach((r, i) => [...r.src, ...r.dst].forEach((v) => note(v, `acls[${i}]`)));
    doc.grants.forEach((r, i) => [...r.src, ...r.dst].forEach((v) => note(v, `grants[${i}]`)));
    doc.ssh.forEach((r, i) => [...r.src, ...r.dst].forEach((v) => note(v, `ssh[${i}]`)));
    (doc.tests ?? []).forEach((t, i) => [t.src, ...(t.accept ?? []), ...(t.deny ?? [])].forEach((v) => note(v, `tests[${i}]`)));
    for (const [tag, where] of usedTags) {
      if (!this.tagOwners.has(tag)) {
        throw this.error(where, tag, `uses a tag with no owner; Tailscale rejects the policy. Add it with addTagOwner('${tag}', [...]) or props.tagOwners`);
      }
    }
    for (const [group, where] of usedGroups) {
      if (!this.groups.has(group)) {
        throw this.error(
          where,
          group,
          `uses a group that is not defined; Tailscale rejects the policy. Add it with addGroup('${group}', [...]) or props.groups`,
        );
      }
    }
    this.checkRelaySecrets(doc);
    this.checkDerpClientsAdmitted(doc);
    this.checkTests(doc);
    return doc;
  }

  /**
   * Relays read only their own secrets: a grant whose `src` covers a `tag:derp` device may give secrets
   * under `derp/` only (no `dev/*`, no `*`). An application capability, so not something a Tailscale test
   * can say; checked here on the grants' `app` values.
   */
  private checkRelaySecrets(doc: TailnetPolicyDocument): void {
    const index = indexPolicy(doc);
    const relay = { kind: 'tagged' as const, tags: [DERP_TAG] };
    doc.grants.forEach((grant, i) => {
      const coversRelays = grant.src.some((s) => matchSelector(s, relay, index, { role: 'src' }).kind !== 'no');
      const values = grant.app?.[SECRETS_CAPABILITY];
      if (!coversRelays || values === undefined) return;
      values.forEach((value, j) => {
        const secrets = (value as { secret?: unknown })?.secret;
        const list = Array.isArray(secrets) ? secrets : [secrets];
        list.forEach((secret, k) => {
          if (typeof secret !== 'string' || !secret.startsWith(DERP_SECRET_PREFIX) || secret.length === DERP_SECRET_PREFIX.length) {
            throw this.error(
              `grants[${i}].app['${SECRETS_CAPABILITY}'][${j}].secret[${k}]`,
              secret ?? null,
              `gives ${DERP_TAG} (the relays, whose hosts face the internet) a secret outside '${DERP_SECRET_PREFIX}*' (grant src ${JSON.stringify(grant.src)}); relays may read only their own secrets`,
            );
          }
        });
      });
    });
  }

  /** derper -verify-clients admits only peers: every client must be a peer of tag:derp under some rule. */
  private checkDerpClientsAdmitted(doc: TailnetPolicyDocument): void {
    if (!this.verifyingRelays) return;
    this.derpClients.forEach((client, i) => {
      const decision = peersVisible(doc, client, DERP_TAG);
      if (decision.verdict !== 'allowed') {
        throw this.error(
          `props.derpClients[${i}]`,
          client,
          `cannot use the DERP fleet: its relays run derper -verify-clients, which admits only nodes the relay's tailscaled has as peers, and no acl or grant makes '${client}' and ${DERP_TAG} peers (${decision.verdict}: ${decision.reason}). ` +
            (this.derpClientAdmission === 'own-rules'
              ? "Add a rule from it to tag:derp (e.g. ip ['tcp:443', 'udp:3478']) or use derpClientAdmission: 'grant'"
              : 'Check the groups and tags it names'),
        );
      }
    });
  }

  /** Every test, generated or added, must pass offline; cannot-evaluate is not a pass. */
  private checkTests(doc: TailnetPolicyDocument): void {
    if (doc.tests === undefined) return;
    const failures = describePolicyTestFailures(evaluatePolicyTests(doc));
    if (failures.length > 0) {
      throw this.error('tests', `<${failures.length} failing>`, `do not pass (Tailscale would refuse this policy):\n  ${failures.join('\n  ')}`);
    }
  }

  private checkProvider(): void {
    const problem = this.providerProblem();
    if (problem) throw this.error('props.manageWithTerraform', true, problem);
  }

  private providerProblem(): string | undefined {
    if (!this.manageWithTerraform || this.tailscaleProvider) return undefined;
    const stack = cdk.TerraformStack.of(this);
    if (stack.node.findAll().some((c) => isTailscaleProvider(c) && c.alias === undefined)) return undefined;
    return `needs a TailscaleProvider in stack '${stack.node.id}' (or props.tailscaleProvider); without one Terraform would look for a 'hashicorp/tailscale' provider that does not exist`;
  }

  private addGroupFrom(where: string, group: string, members: readonly string[]): void {
    this.one(where, group, checkGroup);
    this.list(`${where}`, members, checkGroupMember, { allowEmpty: false });
    this.groups.set(group, union(this.groups.get(group), members));
  }

  private addTagOwnerFrom(where: string, tag: string, owners: readonly string[]): void {
    this.one(where, tag, checkTag);
    this.list(where, owners, checkTagOwner, { allowEmpty: false });
    this.tagOwners.set(tag, union(this.tagOwners.get(tag), owners));
  }

  private addAclFrom(where: string, rule: AclRule): void {
    if (rule.action !== 'accept') throw this.error(`${where}.action`, rule.action, "must be 'accept' (Tailscale ACLs only allow)");
    this.list(`${where}.src`, rule.src, checkPrincipal);
    this.list(`${where}.dst`, rule.dst, checkAclDestination);
    if (rule.proto !== undefined && !['tcp', 'udp', 'icmp'].includes(rule.proto)) {
      throw this.error(`${where}.proto`, rule.proto, "must be 'tcp', 'udp' or 'icmp'");
    }
    const copy: AclRule = { action: 'accept', src: [...rule.src], dst: [...rule.dst], ...(rule.proto ? { proto: rule.proto } : {}) };
    this.acls.set(canonicalJson(copy), copy);
  }

  private addGrantFrom(where: string, rule: GrantRule): void {
    this.list(`${where}.src`, rule.src, checkPrincipal);
    this.list(`${where}.dst`, rule.dst, checkPrincipal);
    if (rule.ip === undefined && rule.app === undefined) throw this.error(where, rule, "grants nothing: give it 'ip', 'app' or both");
    if (rule.ip !== undefined) this.list(`${where}.ip`, rule.ip, checkGrantIp);
    if (rule.app !== undefined) {
      const caps = Object.entries(rule.app);
      if (caps.length === 0) throw this.error(`${where}.app`, rule.app, 'is empty');
      for (const [cap, values] of caps) {
        this.one(`${where}.app`, cap, checkCapability);
        if (!Array.isArray(values) || values.length === 0) throw this.error(`${where}.app['${cap}']`, values, 'must be a non-empty list');
        if (containsToken(values)) throw this.error(`${where}.app['${cap}']`, values, 'must not contain Terraform tokens; a policy entry is a literal');
      }
    }
    const copy: GrantRule = {
      src: [...rule.src],
      dst: [...rule.dst],
      ...(rule.ip ? { ip: [...rule.ip] } : {}),
      ...(rule.app ? { app: JSON.parse(JSON.stringify(rule.app)) } : {}),
    };
    this.grants.set(canonicalJson(copy), copy);
  }

  private addTestFrom(where: string, test: PolicyTestEntry): void {
    if (test === null || typeof test !== 'object') throw this.error(where, test, 'must be { src, proto?, accept?, deny? }');
    this.one(`${where}.src`, test.src, (v) => (v === '*' ? "'*' is not one device; name a user, group, tag or autogroup" : checkPrincipal(v)));
    if (test.proto !== undefined && !['tcp', 'udp', 'sctp'].includes(test.proto))
      throw this.error(`${where}.proto`, test.proto, "must be 'tcp', 'udp' or 'sctp'");
    const destination: Check = (v) => (/:[0-9]{1,5}$/.test(v) ? checkAclDestination(v) : "must be 'host:port' with one port, e.g. 'tag:derp:443'");
    if (test.accept !== undefined) this.list(`${where}.accept`, test.accept, destination, { allowEmpty: true });
    if (test.deny !== undefined) this.list(`${where}.deny`, test.deny, destination, { allowEmpty: true });
    if ((test.accept ?? []).length === 0 && (test.deny ?? []).length === 0) throw this.error(where, test, 'has neither accept nor deny destinations');
    this.userTests.push({
      src: test.src,
      ...(test.proto ? { proto: test.proto } : {}),
      ...(test.accept ? { accept: [...test.accept] } : {}),
      ...(test.deny ? { deny: [...test.deny] } : {}),
    });
  }

  private addSshRuleFrom(where: string, rule: SshRule): void {
    if (rule.action !== 'accept' && rule.action !== 'check') throw this.error(`${where}.action`, rule.action, "must be 'accept' or 'check'");
    this.list(`${where}.src`, rule.src, checkPrincipal);
    this.list(`${where}.dst`, rule.dst, checkPrincipal);
    this.list(`${where}.users`, rule.users, (u) =>
      u === 'root'
        ? "is refused: log in as a named user and use sudo (or 'autogroup:nonroot')"
        : /^[a-z_][a-z0-9_-]*$|^autogroup:nonroot$/.test(u)
          ? undefined
          : 'must be a local user name or autogroup:nonroot',
    );
    if (rule.checkPeriod !== undefined && !/^[0-9]+[hm]$|^always$/.test(rule.checkPeriod)) {
      throw this.error(`${where}.checkPeriod`, rule.checkPeriod, "must be a duration such as '12h' or 'always'");
    }
    const copy: SshRule = { ...rule, src: [...rule.src], dst: [...rule.dst], users: [...rule.users] };
    this.sshRules.set(canonicalJson(copy), copy);
  }

  private one(where: string, value: string, check: Check): void {
    if (typeof value !== 'string') throw this.error(where, value, 'must be a string');
    if (cdk.Token.isUnresolved(value)) throw this.error(where, value, 'must be a literal, not a Terraform token');
    const problem = check(value);
    if (problem) throw this.error(where, value, problem);
  }

  private list(where: string, values: readonly string[], check: Check, options: { allowEmpty?: boolean } = {}): void {
    if (!Array.isArray(values)) throw this.error(where, values, 'must be a list');
    if (values.length === 0 && !options.allowEmpty) throw this.error(where, values, 'must not be empty');
    values.forEach((v, i) => this.one(`${where}[${i}]`, v, check));
  }

  private error(prop: string, value: unknown, reason: string): TailnetPolicyError {
    return new TailnetPolicyError(this.node.path, prop, value, reason);
  }
}

function union(existing: readonly string[] | undefined, more: readonly string[]): string[] {
  return [...new Set([...(existing ?? []), ...more])];
}

function containsToken(value: unknown): boolean {
  if (typeof value === 'string') return cdk.Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}
