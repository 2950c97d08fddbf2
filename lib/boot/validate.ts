/**
 * Input validation for the boot configuration.
 *
 * Every value that reaches a shell script, a unit file or the auth-key path passes one of these
 * first. They are allow-lists (a value must look like what it claims to be), because the same
 * strings end up inside single-quoted shell assignments, systemd directives and Terraform
 * strings, and an allow-list is the only check that is safe in all three at once.
 * Errors name the option and the bad value, so a failed synth points at the fix.
 */
import { ConstructConfigError } from '../errors';

/**
 * Thrown for an invalid option; `option` is its dotted path, e.g. `authKey.region`. No construct path: the
 * boot functions are plain functions; a construct re-throws it as its own error (PropValidator.boot).
 */
export class BootConfigError extends ConstructConfigError {
  constructor(option: string, value: unknown, reason: string) {
    super({ prop: option, value, reason });
    this.name = 'BootConfigError';
  }

  /** The option's dotted path (the same as `prop`). */
  get option(): string {
    return this.prop;
  }
}

const DNS_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Why `host` is not a lower-case fully qualified DNS name (at least two labels, a non-numeric TLD), or
 * undefined. The one FQDN rule of lib/ (relay host names, fleet nodes). Lower case only: derper compares
 * the TLS SNI with `-hostname` byte for byte.
 */
export function fqdnProblem(host: string): string | undefined {
  if (typeof host !== 'string' || host.length === 0 || host.length > 253) return 'must be a fully qualified domain name of 1 to 253 characters';
  if (host.endsWith('.')) return 'must not end with a dot';
  const labels = host.split('.');
  if (labels.length < 2) return 'must be fully qualified (e.g. derp1.example.com)';
  const bad = labels.find((l) => !DNS_LABEL.test(l));
  if (bad !== undefined) return `has label '${bad}': labels are 1-63 characters of a-z, 0-9 and '-', not starting or ending with '-'`;
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return 'must be a DNS name, not an IP address';
  return undefined;
}

/** A lower-case fully qualified DNS name ({@link fqdnProblem}). */
export function validateFqdn(option: string, value: string): string {
  const problem = fqdnProblem(value);
  if (problem) throw new BootConfigError(option, value, problem);
  return value;
}

const TAG = /^tag:[a-z][a-z0-9-]{0,62}$/;

/** A Tailscale ACL tag such as `tag:derp`. */
export function validateTag(option: string, value: string): string {
  if (typeof value !== 'string' || !TAG.test(value)) {
    throw new BootConfigError(option, value, "must be a Tailscale tag: 'tag:' then a lower-case letter, then a-z, 0-9 or '-'");
  }
  return value;
}

const VERSION = /^[0-9]+\.[0-9]+\.[0-9]+$/;

/** A release version `MAJOR.MINOR.PATCH` without a leading `v`. */
export function validateVersion(option: string, value: string): string {
  if (typeof value !== 'string' || !VERSION.test(value)) {
    throw new BootConfigError(option, value, "must be a release version like '1.2.3' (no leading 'v')");
  }
  return value;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A lower-case hex sha256. */
export function validateSha256(option: string, value: string): string {
  if (typeof value !== 'string' || !SHA256.test(value)) {
    throw new BootConfigError(option, value, 'must be 64 lower-case hex digits (a sha256)');
  }
  return value;
}

const AWS_REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$/;

/** An AWS region name such as `eu-central-1`. */
export function validateAwsRegion(option: string, value: string): string {
  if (typeof value !== 'string' || !AWS_REGION.test(value)) {
    throw new BootConfigError(option, value, "must be an AWS region such as 'eu-central-1'");
  }
  return value;
}

/**
 * A Terraform reference left for Terraform to interpolate, e.g. `${tailscale_tailnet_key.relay.key}`
 * or a cdktf token `${TfToken[TOKEN.12]}`. No quotes, spaces or braces inside. What it resolves to
 * is not ours to check; callers only accept references to values of a known safe shape (a secret
 * ARN, a tailnet key).
 */
export const TERRAFORM_REFERENCE = /^\$\{[A-Za-z0-9_.[\]-]+\}$/;

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}$/;

/** A Secrets Manager secret name, ARN, or a Terraform reference to one. */
export function validateSecretId(option: string, value: string): string {
  if (typeof value === 'string' && (SECRET_NAME.test(value) || SECRET_ARN.test(value) || TERRAFORM_REFERENCE.test(value))) {
    return value;
  }
  throw new BootConfigError(
    option,
    value,
    'must be a Secrets Manager secret name, its ARN, or a Terraform reference such as ${aws_secretsmanager_secret.relay.arn}',
  );
}

const ABSOLUTE_PATH = /^\/(?:[A-Za-z0-9_.-]+\/?)*$/;

/** An absolute path of plain characters, no `..` segments. */
export function validateAbsolutePath(option: string, value: string): string {
  if (typeof value !== 'string' || !ABSOLUTE_PATH.test(value) || value.split('/').includes('..')) {
    throw new BootConfigError(option, value, "must be an absolute path of letters, digits, '_', '.', '-' and '/' without '..'");
  }
  return value;
}

/** One of a fixed set of string literals. */
export function validateOneOf<T extends string>(option: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) {
    throw new BootConfigError(option, value, `must be one of ${allowed.map((a) => `'${a}'`).join(', ')}`);
  }
  return value;
}
