/**
 * Secret names, setec-style patterns and the AWS ARNs they stand for, as pure functions: the same strings
 * end up in IAM policies, the KMS key policy and the tailnet's grants, so they are validated once, here.
 */
import { AWS_IAM_ROLE_NAME } from '../validate';

/** setec's action words (github.com/tailscale/setec, acl/acl.go). */
export const SECRET_ACTIONS = ['get', 'info', 'put', 'activate', 'delete'] as const;
export type SecretAction = (typeof SECRET_ACTIONS)[number];

/**
 * What each setec action means in Secrets Manager. `info` reads metadata and version ids, never the value;
 * `activate` moves the AWSCURRENT label between versions; `delete` schedules deletion (within the
 * recovery window it can be undone).
 */
export const SECRETS_MANAGER_ACTIONS: Readonly<Record<SecretAction, readonly string[]>> = {
  get: ['secretsmanager:GetSecretValue'],
  info: ['secretsmanager:DescribeSecret', 'secretsmanager:ListSecretVersionIds'],
  put: ['secretsmanager:PutSecretValue'],
  activate: ['secretsmanager:UpdateSecretVersionStage'],
  delete: ['secretsmanager:DeleteSecret'],
};

/**
 * KMS actions each setec action needs on the store's key (always through Secrets Manager): reading a value
 * decrypts its data key; writing one generates a data key.
 */
export const KMS_ACTIONS: Readonly<Record<SecretAction, readonly string[]>> = {
  get: ['kms:Decrypt'],
  info: [],
  put: ['kms:GenerateDataKey'],
  activate: [],
  delete: [],
};

const NAME_CHARS = /^[A-Za-z0-9/_+=.@-]+$/;
const PATTERN_CHARS = /^[A-Za-z0-9/_+=.@*-]+$/;
/** Secrets Manager appends `-` and six characters to every secret's ARN. */
const LOOKS_SUFFIXED = /-[A-Za-z0-9]{6}$/;

/** Why `name` is not a valid path-like secret name, or undefined. */
export function secretNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.length === 0) return 'must be a non-empty string';
  if (name.length > 512) return 'must be at most 512 characters';
  if (!NAME_CHARS.test(name)) return 'may only contain letters, digits and / _ + = . @ -';
  if (name.startsWith('/')) return "must not start with '/' (names are paths relative to the store, e.g. 'join-keys/900a')";
  if (name.split('/').some((s) => s === '')) return "must not have empty path segments ('//' or a trailing '/')";
  if (LOOKS_SUFFIXED.test(name))
    return "must not end in '-' and six characters: that is the suffix Secrets Manager adds to ARNs, so ARN patterns for it would be ambiguous";
  return undefined;
}

/** Why `pattern` is not a valid grant pattern (a name, with `*` matching any characters), or undefined. */
export function secretPatternProblem(pattern: unknown): string | undefined {
  if (typeof pattern !== 'string' || pattern.length === 0) return 'must be a non-empty string';
  if (pattern.length > 512) return 'must be at most 512 characters';
  if (!PATTERN_CHARS.test(pattern)) return 'may only contain letters, digits, / _ + = . @ - and the wildcard *';
  if (pattern.startsWith('/')) return "must not start with '/'";
  if (pattern.startsWith('*')) return "must start with a literal prefix such as 'derp/': a leading '*' would match every secret in the account and region";
  if (pattern.split('/').some((s) => s === '')) return "must not have empty path segments ('//' or a trailing '/')";
  return undefined;
}

/** Whether a setec pattern (`*` = any run of characters, `/` included) matches a secret name. */
export function patternMatches(pattern: string, name: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map(escapeRegExp).join('.*')}$`);
  return regex.test(name);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where the ARNs live. */
export interface SecretLocation {
  readonly accountId: string;
  readonly region: string;
}

/**
 * The IAM ARN pattern for a secret name or pattern. Secrets Manager ARNs end in `-` plus six random
 * characters, so an exact name becomes `name-??????` (exactly that secret), and a pattern ending in `*`
 * already covers the suffix.
 */
export function secretArnPattern(where: SecretLocation, nameOrPattern: string): string {
  const base = `arn:aws:secretsmanager:${where.region}:${where.accountId}:secret:${nameOrPattern}`;
  return nameOrPattern.endsWith('*') ? base : `${base}-??????`;
}

/** `secretsmanager.<region>.amazonaws.com`, the value of kms:ViaService for calls made by Secrets Manager. */
export function secretsManagerEndpoint(region: string): string {
  return `secretsmanager.${region}.amazonaws.com`;
}

/** Commercial-partition regions only: ARNs here are written with the `aws` partition. */
export const AWS_REGION = /^(af|ap|ca|eu|il|me|mx|sa|us)-[a-z]+-[0-9]{1,2}$/;
export const ACCOUNT_ID = /^[0-9]{12}$/;
/** The one IAM role name rule (lib/validate). */
export const IAM_ROLE_NAME = AWS_IAM_ROLE_NAME.pattern;
/** KMS alias name without the `alias/` prefix; `aws/` is reserved for AWS managed keys. */
export const KEY_ALIAS = /^(?!aws\/)[A-Za-z0-9/_-]{1,250}$/;
