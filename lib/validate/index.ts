/**
 * Prop validation shared by every construct in lib/: one {@link PropValidator} and one rule per kind of
 * value (a VPC id, an AMI, a DigitalOcean tag, …), so a prop is held to the same rule in every construct
 * that takes it. Every rule is an allow-list, and every error names the construct (class and path), the
 * prop and the bad value (lib/errors.ts), so a failed synth points at the fix.
 */
import { cdk } from '../../aspects/cdk';
import type { IConstruct } from 'constructs';
import { BootConfigError, fqdnProblem } from '../boot/validate';
import { ConstructConfigError } from '../errors';

/** A value that must match a pattern, and whether a Terraform reference may stand in for it. */
export interface PropRule {
  readonly pattern: RegExp;
  /** What a valid value is, for the error message: `a VPC id such as 'vpc-0123456789abcdef0'`. */
  readonly expected: string;
  /**
   * A reference (a token) is accepted as is. False for values that must be known at synth: they are
   * pinned (an AMI), written into literal policies and names (an IAM role name), or read by the guardrails.
   */
  readonly referenceAllowed: boolean;
}

/** AWS resource ids are the prefix and 8 (older resources) or 17 hex digits. */
const awsId = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);

export const AWS_VPC_ID: PropRule = { pattern: awsId('vpc'), expected: "a VPC id such as 'vpc-0123456789abcdef0' or a reference", referenceAllowed: true };
export const AWS_SUBNET_ID: PropRule = {
  pattern: awsId('subnet'),
  expected: "a subnet id such as 'subnet-0123456789abcdef0' or a reference",
  referenceAllowed: true,
};
export const AWS_INSTANCE_ID: PropRule = {
  pattern: awsId('i'),
  expected: "an instance id such as 'i-0123456789abcdef0' or a reference",
  referenceAllowed: true,
};
/** Pinned, never looked up: the stack plans offline and a server built today boots yesterday's image. */
export const AWS_AMI_ID: PropRule = {
  pattern: awsId('ami'),
  expected: "a pinned AMI id such as 'ami-0123456789abcdef0' (ami- and 8 or 17 hex digits)",
  referenceAllowed: false,
};
/** Family, generation, options, size: `t4g.small`, `c7gn.xlarge`, `m5.large`. */
export const AWS_INSTANCE_TYPE: PropRule = {
  pattern: /^([a-z]+)([0-9]+)([a-z-]*)\.([a-z0-9]+)$/,
  expected: "an EC2 instance type such as 't4g.small'",
  referenceAllowed: false,
};
/** A literal: grants made in other stacks name the role. */
export const AWS_IAM_ROLE_NAME: PropRule = {
  pattern: /^[\w+=,.@-]{1,64}$/,
  expected: 'an IAM role name (1-64 of letters, digits and + = , . @ _ -; no path)',
  referenceAllowed: false,
};
export const AWS_KMS_KEY_ARN: PropRule = {
  pattern: /^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key\/(?:mrk-)?[0-9a-f-]{32,36}$/,
  expected: 'a KMS key ARN (not an alias) or a reference',
  referenceAllowed: true,
};

export const DIGITALOCEAN_REGION: PropRule = { pattern: /^[a-z]{3}[0-9]$/, expected: "a DigitalOcean region slug such as 'fra1'", referenceAllowed: false };
export const DIGITALOCEAN_SIZE: PropRule = {
  pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  expected: "a droplet size slug such as 's-1vcpu-2gb'",
  referenceAllowed: false,
};
export const DIGITALOCEAN_IMAGE: PropRule = {
  pattern: /^(?:[0-9]+|[a-z0-9]+(?:[.-][a-z0-9]+)*)$/,
  expected: "an image slug such as 'ubuntu-24-04-x64' or a numeric image id",
  referenceAllowed: false,
};
export const DIGITALOCEAN_SSH_KEY: PropRule = {
  pattern: /^(?:[0-9]+|(?:[0-9a-f]{2}:){15}[0-9a-f]{2})$/,
  expected: 'an SSH key id (digits) or MD5 fingerprint (aa:bb:…) or a reference',
  referenceAllowed: true,
};
/** Tags are literals: the guardrails read them (approval tags, required tags). */
export const DIGITALOCEAN_TAG: PropRule = {
  pattern: /^[A-Za-z0-9:_-]{1,255}$/,
  expected: "a DigitalOcean tag (letters, digits, ':', '-', '_')",
  referenceAllowed: false,
};
export const DIGITALOCEAN_VPC_UUID: PropRule = {
  pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  expected: 'a VPC uuid or a reference',
  referenceAllowed: true,
};

/** The one FQDN rule (relay host names, fleet nodes, derper's `-hostname`); it lives with lib/boot's checks. */
export { fqdnProblem } from '../boot/validate';

/** Makes a construct's own error class (a subclass of ConstructConfigError) from one failed check. */
export type ConstructErrorClass = new (constructPath: string, prop: string, value: unknown, reason: string, constructKind: string) => ConstructConfigError;

/** Validates the props of one construct; errors are of the construct's error class and carry its kind and path. */
export class PropValidator {
  constructor(
    private readonly scope: IConstruct,
    private readonly kind: string,
    private readonly errorClass: ConstructErrorClass,
  ) {}

  /** The error for `prop`, to throw. */
  error(prop: string, value: unknown, reason: string): ConstructConfigError {
    return new this.errorClass(this.scope.node.path, prop, value, reason, this.kind);
  }

  fail(prop: string, value: unknown, reason: string): never {
    throw this.error(prop, value, reason);
  }

  /** A value held to one of the shared rules above. */
  rule(prop: string, value: unknown, rule: PropRule): string {
    return rule.referenceAllowed ? this.literalOrToken(prop, value, rule.pattern, rule.expected) : this.matching(prop, value, rule.pattern, rule.expected);
  }

  /** A plain string known at synth time: no token, because it must be checked (and read by the guardrails). */
  literal(prop: string, value: unknown, what: string): string {
    if (typeof value !== 'string') this.fail(prop, value, `must be ${what} (a string)`);
    if (cdk.Token.isUnresolved(value)) {
      this.fail(prop, value, `must be ${what} known at synth time, not a Terraform reference or token`);
    }
    return value;
  }

  /** A string that is either a token (a reference to a resource in the stack) or matches `pattern`. */
  literalOrToken(prop: string, value: unknown, pattern: RegExp, what: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(prop, value, `must be ${what}`);
    if (cdk.Token.isUnresolved(value)) return value;
    if (!pattern.test(value)) this.fail(prop, value, `must be ${what}`);
    return value;
  }

  matching(prop: string, value: unknown, pattern: RegExp, what: string): string {
    const text = this.literal(prop, value, what);
    if (!pattern.test(text)) this.fail(prop, value, `must be ${what}`);
    return text;
  }

  /**
   * Runs a lib/boot function and re-throws its validation errors as errors of this construct. `prop` names
   * the prop the checked value came from; a nested boot option (`versions.nodeExporter.sha256`) is kept
   * when it already starts with the prop, and `rename` maps boot option names to prop names
   * (`extraTags` -> `extraTailnetTags`).
   */
  boot<T>(prop: string | undefined, check: () => T, rename: Readonly<Record<string, string>> = {}): T {
    try {
      return check();
    } catch (e) {
      if (e instanceof BootConfigError) {
        const head = /^[A-Za-z]+/.exec(e.option)?.[0] ?? e.option;
        const option = head in rename ? `${rename[head]}${e.option.slice(head.length)}` : e.option;
        const named = prop === undefined || option === prop || option.startsWith(`${prop}.`) || option.startsWith(`${prop}[`) ? option : `${prop} (${option})`;
        this.fail(named, e.value, e.reason);
      }
      throw e;
    }
  }

  fqdn(prop: string, value: unknown): string {
    const text = this.literal(prop, value, 'a fully qualified domain name');
    const problem = fqdnProblem(text);
    if (problem) this.fail(prop, text, problem);
    return text;
  }

  integer(prop: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || cdk.Token.isUnresolved(value) || value < min || value > max) {
      this.fail(prop, value, `must be an integer from ${min} to ${max}`);
    }
    return value;
  }

  oneOf<T extends string>(prop: string, value: unknown, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.fail(prop, value, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
    }
    return value as T;
  }

  boolean(prop: string, value: unknown): boolean {
    if (typeof value !== 'boolean') this.fail(prop, value, 'must be true or false');
    return value;
  }

  /** A non-empty list, each item checked by `item`. */
  nonEmptyList<T>(prop: string, value: unknown, why: string, item: (prop: string, value: unknown) => T): T[] {
    if (!Array.isArray(value) || value.length === 0) this.fail(prop, value, `must list at least one ${why}`);
    return value.map((v, i) => item(`${prop}[${i}]`, v));
  }
}

/** An instance type's architecture, checked against the AMI's (AwsDerpRelay, AwsMonitoring). */
export { AMI_ARCHITECTURE, architectureOf, checkInstanceArchitecture, type AmiArchitecture } from './instance-architecture';
