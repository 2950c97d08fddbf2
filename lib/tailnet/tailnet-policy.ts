/**
 * One tailnet policy document, assembled from what every construct contributes: tag owners, groups, ACLs,
 * grants, the derpMap (and SSH rules, none by default). Written to `<outdir>/stacks/<stack>/tailnet-policy.json`
 * at synth, and optionally managed as a `tailscale_acl` resource.
 *
 * Tailscale policies deny by default, so every entry here is an allowance someone asked for in code. Entries
 * are checked when they are added (with the prop that held them); references between them (a tag used in an
 * ACL must have an owner, a group must be defined) are checked at synth, when every construct has had its say.
 */
import { Lazy, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import type { AclRule, DerpMap, GrantRule, ITailnetPolicy } from '../contracts/tailnet-policy';
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
}

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

    this.manageWithTerraform = props.manageWithTerraform ?? false;
    this.tailscaleProvider = props.tailscaleProvider;
    if (this.manageWithTerraform) {
      this.acl = new TailscaleAcl(this, 'acl', {
        acl: Lazy.stringValue({ produce: () => JSON.stringify(this.checkedDocument(), null, 2) }),
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
      throw this.error('setDerpMap(map)', '<a second derpMap>', 'conflicts with the derpMap already set; a tailnet has one derpMap, so feed this policy from one DerpFleet');
    }
    if (map === null || typeof map !== 'object') throw this.error('setDerpMap(map)', map, 'must be a derpMap object');
    this.derpMap = map;
  }

  /** The document as it stands (tokens unresolved), without the synth-time cross-checks. */
  public get document(): TailnetPolicyDocument {
    const doc: TailnetPolicyDocument = {
      groups: Object.fromEntries(this.groups),
      tagOwners: Object.fromEntries(this.tagOwners),
      acls: [...this.acls.values()],
      grants: [...this.grants.values()],
      ssh: [...this.sshRules.values()],
    };
    return this.derpMap ? { ...doc, derpMap: { ...this.derpMap, Regions: this.derpMap.Regions } } : doc;
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
    for (const [tag, where] of usedTags) {
      if (!this.tagOwners.has(tag)) {
        throw this.error(where, tag, `uses a tag with no owner; Tailscale rejects the policy. Add it with addTagOwner('${tag}', [...]) or props.tagOwners`);
      }
    }
    for (const [group, where] of usedGroups) {
      if (!this.groups.has(group)) {
        throw this.error(where, group, `uses a group that is not defined; Tailscale rejects the policy. Add it with addGroup('${group}', [...]) or props.groups`);
      }
    }
    return doc;
  }

  private checkProvider(): void {
    const problem = this.providerProblem();
    if (problem) throw this.error('props.manageWithTerraform', true, problem);
  }

  private providerProblem(): string | undefined {
    if (!this.manageWithTerraform || this.tailscaleProvider) return undefined;
    const stack = TerraformStack.of(this);
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

  private addSshRuleFrom(where: string, rule: SshRule): void {
    if (rule.action !== 'accept' && rule.action !== 'check') throw this.error(`${where}.action`, rule.action, "must be 'accept' or 'check'");
    this.list(`${where}.src`, rule.src, checkPrincipal);
    this.list(`${where}.dst`, rule.dst, checkPrincipal);
    this.list(`${where}.users`, rule.users, (u) =>
      u === 'root' ? "is refused: log in as a named user and use sudo (or 'autogroup:nonroot')" : /^[a-z_][a-z0-9_-]*$|^autogroup:nonroot$/.test(u) ? undefined : 'must be a local user name or autogroup:nonroot',
    );
    if (rule.checkPeriod !== undefined && !/^[0-9]+[hm]$|^always$/.test(rule.checkPeriod)) {
      throw this.error(`${where}.checkPeriod`, rule.checkPeriod, "must be a duration such as '12h' or 'always'");
    }
    const copy: SshRule = { ...rule, src: [...rule.src], dst: [...rule.dst], users: [...rule.users] };
    this.sshRules.set(canonicalJson(copy), copy);
  }

  private one(where: string, value: string, check: Check): void {
    if (typeof value !== 'string') throw this.error(where, value, 'must be a string');
    if (Token.isUnresolved(value)) throw this.error(where, value, 'must be a literal, not a Terraform token');
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
  if (typeof value === 'string') return Token.isUnresolved(value);
  if (Array.isArray(value)) return value.some(containsToken);
  if (value !== null && typeof value === 'object') return Object.values(value).some(containsToken);
  return false;
}
