/**
 * Prop validation for the relay constructs. Every check is an allow-list, and every error names the
 * construct (class and path), the prop and the bad value, so a failed synth points at the fix.
 */
import { Token } from 'cdktf';
import type { IConstruct } from 'constructs';
import { BootConfigError } from '../boot';
import type { SecretReference } from '../contracts/secret-reference';
import { validateAwsRegion, validateFqdn } from '../boot/validate';

/** A relay prop is invalid. */
export class DerpRelayConfigError extends Error {
  constructor(
    /** The relay's construct path. */
    readonly constructPath: string,
    /** The prop, dotted for nested values, e.g. `authKeySecret.arn`. */
    readonly prop: string,
    readonly value: unknown,
    reason: string,
    constructKind: string,
  ) {
    super(`${constructKind} '${constructPath}': invalid ${prop} ${show(prop, value)}: ${reason}`);
    this.name = 'DerpRelayConfigError';
  }
}

function show(prop: string, value: unknown): string {
  // A prop that may hold a secret is never echoed.
  if (/secret|key$/i.test(prop) && typeof value === 'string' && /tskey-/i.test(value)) return '<redacted>';
  if (value === undefined) return 'undefined';
  try {
    const text = JSON.stringify(value);
    return text.length > 200 ? `${text.slice(0, 197)}...` : text;
  } catch {
    return String(value);
  }
}

/** Validates the props of one construct; errors carry its kind and path. */
export class PropValidator {
  constructor(
    private readonly scope: IConstruct,
    private readonly kind: string,
  ) {}

  fail(prop: string, value: unknown, reason: string): never {
    throw new DerpRelayConfigError(this.scope.node.path, prop, value, reason, this.kind);
  }

  /** A plain string known at synth time: no token, because it must be checked (and read by the guardrails). */
  literal(prop: string, value: unknown, what: string): string {
    if (typeof value !== 'string') this.fail(prop, value, `must be ${what} (a string)`);
    if (Token.isUnresolved(value)) {
      this.fail(prop, value, `must be ${what} known at synth time, not a Terraform reference or token`);
    }
    return value;
  }

  /** A string that is either a token (a reference to a resource in the stack) or matches `pattern`. */
  literalOrToken(prop: string, value: unknown, pattern: RegExp, what: string): string {
    if (typeof value !== 'string' || value.length === 0) this.fail(prop, value, `must be ${what}`);
    if (Token.isUnresolved(value)) return value;
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
        const prefix = `Invalid ${e.option} ${JSON.stringify(e.value)}: `;
        const reason = e.message.startsWith(prefix) ? e.message.slice(prefix.length) : e.message;
        const head = /^[A-Za-z]+/.exec(e.option)?.[0] ?? e.option;
        const option = head in rename ? `${rename[head]}${e.option.slice(head.length)}` : e.option;
        const named = prop === undefined || option === prop || option.startsWith(`${prop}.`) || option.startsWith(`${prop}[`) ? option : `${prop} (${option})`;
        this.fail(named, e.value, reason);
      }
      throw e;
    }
  }

  fqdn(prop: string, value: unknown): string {
    const text = this.literal(prop, value, 'a fully qualified domain name');
    return this.boot(prop, () => validateFqdn(prop, text));
  }

  integer(prop: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || Token.isUnresolved(value) || value < min || value > max) {
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
}

/** The derpMap identity every relay carries. */
export interface DerpMapIdentity {
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly nodeName: string;
}

const REGION_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NODE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
// Printable, no quotes or backslashes: it ends up in JSON documents and dashboards.
const REGION_NAME = /^[A-Za-z0-9][A-Za-z0-9 ,.()/_-]{0,63}$/;

export function validateDerpMapIdentity(v: PropValidator, props: DerpMapIdentity): DerpMapIdentity {
  return {
    // 900-999 is the range Tailscale reserves for custom DERP regions.
    regionId: v.integer('regionId', props.regionId, 900, 999),
    regionCode: v.matching('regionCode', props.regionCode, REGION_CODE, "a lower-case code such as 'aws-fra' (a-z, 0-9, single '-' between parts)"),
    regionName: v.matching('regionName', props.regionName, REGION_NAME, "a readable name such as 'AWS Frankfurt' (1-64 letters, digits, spaces and , . ( ) / _ -)"),
    nodeName: v.matching('nodeName', props.nodeName, NODE_NAME, "a node name such as '900a' (1-63 of a-z, 0-9, '-', not starting with '-')"),
  };
}

/** An AWS partition this construct knows the service names of. */
export type AwsPartition = 'aws' | 'aws-us-gov';

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN_PREFIX = /^arn:(aws|aws-us-gov):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:/;
const KMS_KEY_ARN = /^arn:(aws|aws-us-gov):kms:([a-z0-9-]+):([0-9]{12}):(?:key\/((?:mrk-)?[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(alias\/[A-Za-z0-9/_-]{1,250}))$/;

/** A validated secret reference, with the partition taken from its ARN. */
export interface ValidSecretReference extends SecretReference {
  readonly partition: AwsPartition;
  /** Set when kmsKeyArn is an alias ARN (SecretStore hands these out: the key's own ARN is known only after apply). */
  readonly kmsKeyAlias?: string;
  readonly kmsKeyAccount?: string;
}

/**
 * The auth-key secret. Everything must be a literal: the instance role's policy is written as literal
 * JSON, scoped to exactly this ARN and key, so that a reviewer and the guardrails can read it.
 */
export function validateSecretReference(v: PropValidator, prop: string, ref: SecretReference | undefined): ValidSecretReference {
  if (ref === null || typeof ref !== 'object') v.fail(prop, ref, 'must be a SecretReference { name, arn, region, kmsKeyArn }');
  const name = v.matching(`${prop}.name`, ref.name, SECRET_NAME, "a Secrets Manager secret name such as 'derp/auth-key'");
  const region = v.boot(`${prop}.region`, () => validateAwsRegion(`${prop}.region`, v.literal(`${prop}.region`, ref.region, 'an AWS region')));
  const arn = v.literal(`${prop}.arn`, ref.arn, 'a Secrets Manager secret ARN');
  const arnParts = SECRET_ARN_PREFIX.exec(arn);
  if (!arnParts) {
    v.fail(`${prop}.arn`, arn, "must be a Secrets Manager secret ARN in partition 'aws' or 'aws-us-gov' (arn:aws:secretsmanager:<region>:<account>:secret:<name>-??????)");
  }
  const [prefix, partition, arnRegion] = arnParts;
  if (arnRegion !== region) v.fail(`${prop}.arn`, arn, `is in region ${arnRegion} but ${prop}.region is ${region}`);
  // Secrets Manager appends '-' and 6 random characters to the name. Accept the real suffix or the
  // `-??????` pattern (exactly one secret either way); refuse `*` and a bare name: `*` also matches every
  // secret whose name merely starts with this one, and a bare name matches no secret at all.
  const suffix = arn.slice(prefix.length);
  if (!suffix.startsWith(name) || !/^(?:-[A-Za-z0-9]{6}|-\?{6})$/.test(suffix.slice(name.length))) {
    v.fail(
      `${prop}.arn`,
      arn,
      `must be the ARN of the secret '${name}': ending in ':secret:${name}-??????' or in its real 6-character suffix (not '*', which also matches other secrets)`,
    );
  }
  const kmsKeyArn = v.literal(`${prop}.kmsKeyArn`, ref.kmsKeyArn, 'a KMS key ARN');
  const kmsParts = KMS_KEY_ARN.exec(kmsKeyArn);
  if (!kmsParts) {
    v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, 'must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>) or alias ARN (…:alias/<name>)');
  }
  if (kmsParts[1] !== partition) v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, `is in partition ${kmsParts[1]} but the secret is in ${partition}`);
  // Secrets Manager can only use a key from the secret's own region.
  if (kmsParts[2] !== region) v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, `is in region ${kmsParts[2]} but the secret is in ${region}`);
  return {
    name,
    arn,
    region,
    kmsKeyArn,
    partition: partition as AwsPartition,
    ...(kmsParts[5] !== undefined ? { kmsKeyAlias: kmsParts[5], kmsKeyAccount: kmsParts[3] } : {}),
  };
}

/** Tags a construct applies: keys and values as AWS accepts them, no tokens. */
export function validateAwsTags(v: PropValidator, prop: string, tags: Readonly<Record<string, string>> | undefined): Record<string, string> {
  if (tags === undefined) return {};
  if (tags === null || typeof tags !== 'object' || Array.isArray(tags)) v.fail(prop, tags, 'must be an object of tag key to value');
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(tags)) {
    if (Token.isUnresolved(key) || !/^[\p{L}\p{N}\s_.:/=+@-]{1,128}$/u.test(key) || key.toLowerCase().startsWith('aws:')) {
      v.fail(`${prop}`, key, 'tag keys must be 1-128 characters of letters, digits, spaces and _ . : / = + - @, not starting with aws:');
    }
    const text = v.literal(`${prop}.${key}`, value, 'a tag value');
    if (!/^[\p{L}\p{N}\s_.:/=+@-]{0,256}$/u.test(text)) {
      v.fail(`${prop}.${key}`, text, 'tag values must be up to 256 characters of letters, digits, spaces and _ . : / = + - @');
    }
    out[key] = text;
  }
  return out;
}
