/**
 * The one error type of the constructs in lib/ (the aws-cdk-lib model: one `ValidationError` carrying the
 * construct scope). It names the construct (class and path), the prop and the bad value, and says what is
 * expected, so a failed synth points at the fix:
 *
 *   AwsDerpRelay 'main/relay': regionId 1234 must be an integer from 900 to 999
 *
 * Secret-shaped values are redacted here, in one place, before they reach a message, a log or a CI
 * report: a mistyped prop is a common way for a tailnet key to end up in front of everyone.
 * Each construct keeps its own subclass (DerpRelayConfigError, SecretStoreError, …) so existing
 * `instanceof` checks keep working.
 */

/** What a {@link ConstructConfigError} reports. */
export interface ConstructConfigErrorDetails {
  /** The construct's class, e.g. `AwsDerpRelay`. Left out for errors of plain functions (lib/boot). */
  readonly constructKind?: string;
  /** The construct's path in the tree. Left out for errors of plain functions (lib/boot). */
  readonly constructPath?: string;
  /** The prop (or option), dotted for nested values, e.g. `authKeySecret.arn`. */
  readonly prop: string;
  /**
   * The offending value. Leave the key out (not `undefined`) when the value must not be shown at all,
   * e.g. a credential the construct refuses because it is a literal.
   */
  readonly value?: unknown;
  /** What is wrong, as the end of a sentence whose subject is the prop: `must be …`, `is required …`. */
  readonly reason: string;
}

/** A construct prop (or a lib/boot option) is invalid. */
export class ConstructConfigError extends Error {
  readonly constructKind?: string;
  readonly constructPath?: string;
  readonly prop: string;
  /** The offending value, or `'<redacted>'` when it held something secret-shaped. */
  readonly value: unknown;
  readonly reason: string;

  constructor(details: ConstructConfigErrorDetails) {
    const shown = 'value' in details ? describeValue(details.prop, details.value) : undefined;
    const subject = details.constructPath === undefined ? '' : `${details.constructKind ?? 'Construct'} '${details.constructPath}': `;
    super(redactSecrets(`${subject}${details.prop}${shown === undefined ? '' : ` ${shown.text}`} ${details.reason}`));
    this.name = 'ConstructConfigError';
    this.constructKind = details.constructKind;
    this.constructPath = details.constructPath;
    this.prop = details.prop;
    this.value = shown?.redacted ? REDACTED : details.value;
    this.reason = redactSecrets(details.reason);
  }
}

const REDACTED = '<redacted>';

/**
 * Well-known credential formats. The same families the `no-secrets-in-user-data` rule looks for
 * (rules/common/user-data/literal-secrets.ts); lib/ does not import the rule engine, and a
 * message only needs the secret hidden, not classified.
 */
const SECRET_PATTERNS: readonly RegExp[] = [
  // Tailscale auth keys, OAuth client secrets and API keys: tskey-auth-…, tskey-client-…, tskey-api-…
  /tskey-[A-Za-z0-9][A-Za-z0-9-]*/g,
  // A PEM private key, header to footer (or to the end of the text when cut short).
  /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----|$)/g,
  // AWS access key ids (long-term AKIA, session ASIA, others).
  /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g,
  // GitHub, Slack and DigitalOcean tokens.
  /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g,
  /(?<![A-Za-z0-9])xox[abposrce]-[A-Za-z0-9-]{10,}/g,
  /(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}/g,
];

/** Runs of token characters long enough to be a generated secret (an AWS secret key is 40). */
const TOKEN_RUN = /[A-Za-z0-9+/_=-]{32,}/g;

/**
 * Bits per character above which a long token-character run may be a generated secret. Random base64
 * of 32+ characters scores 4.1-5.2; hex (sha256 pins, ids) cannot exceed 4.
 */
const TOKEN_ENTROPY_BITS = 4.1;

/** Props whose literal string value is a secret whatever it looks like. */
const SECRET_PROP = /(?:password|passwd|token|apikey|api_key|clientsecret|client_secret|privatekey|private_key|secretaccesskey|webhookurl)$/i;

/** `text` with every secret-shaped part replaced by `<redacted>`. */
export function redactSecrets(text: string): string {
  let out = text;
  for (const pattern of SECRET_PATTERNS) out = out.replace(pattern, REDACTED);
  return out.replace(TOKEN_RUN, (run) => (looksGenerated(run) ? REDACTED : run));
}

/**
 * Mixed case with digits and high entropy, and upper case on at least a quarter of the letters: random
 * base64 has about half, CamelCase construct paths and identifiers (which can reach the entropy) a sixth.
 */
function looksGenerated(run: string): boolean {
  const letters = run.replace(/[^A-Za-z]/g, '');
  const upper = letters.replace(/[^A-Z]/g, '').length;
  return /[a-z]/.test(run) && /[0-9]/.test(run) && upper >= letters.length / 4 && shannonEntropy(run) >= TOKEN_ENTROPY_BITS;
}

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / value.length) * Math.log2(n / value.length);
  return bits;
}

/** The value as shown in a message: JSON, shortened, secrets redacted. */
function describeValue(prop: string, value: unknown): { text: string; redacted: boolean } {
  const lastSegment =
    prop
      .split(/[.[\]]/)
      .filter(Boolean)
      .pop() ?? prop;
  if (typeof value === 'string' && SECRET_PROP.test(lastSegment)) return { text: REDACTED, redacted: true };
  if (value === undefined) return { text: 'undefined', redacted: false };
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  const redacted = redactSecrets(text);
  const short = redacted.length > 200 ? `${redacted.slice(0, 197)}...` : redacted;
  return { text: short, redacted: redacted !== text };
}
