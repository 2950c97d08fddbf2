/**
 * Secrets written out in plain text: well-known credential formats first (they are unambiguous), then
 * high-entropy values assigned to secret-sounding names. Findings carry a masked form only; the secret itself
 * never reaches a message, a report or a log.
 */

export interface LiteralSecret {
  /** What kind of secret, e.g. `an AWS access key id`. */
  readonly kind: string;
  /** The first 4 characters, the rest masked. */
  readonly masked: string;
}

interface Detector {
  readonly kind: string;
  readonly pattern: RegExp;
  /** Capture group holding the secret (0 = the whole match). */
  readonly group?: number;
  /** Show this instead of a masked value (for PEM headers, which are not secret). */
  readonly shown?: (match: RegExpExecArray) => string;
}

const DETECTORS: readonly Detector[] = [
  // AKIA = long-term IAM user key, ASIA = STS session key, ABIA/ACCA = other credential key ids.
  { kind: 'an AWS access key id', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Z0-9])/g },
  {
    kind: 'an AWS secret access key',
    pattern: /(?:aws_?secret_?access_?key|secret_?access_?key)["']?\s*(?:[:=]|\s)\s*["']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/gi,
    group: 1,
  },
  { kind: 'a PEM private key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g, shown: (m) => m[0] },
  // Auth keys, OAuth client secrets, API keys and webhook secrets all start tskey-; older keys are tskey-<hex>.
  { kind: 'a Tailscale key', pattern: /tskey-[A-Za-z0-9][A-Za-z0-9-]{7,}/g },
  { kind: 'a GitHub token', pattern: /(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})/g },
  { kind: 'a Slack token', pattern: /(?<![A-Za-z0-9])xox[abposrce]-[A-Za-z0-9-]{10,}/g },
  { kind: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/-]{20,}/g },
  { kind: 'a DigitalOcean token', pattern: /(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}(?![a-f0-9])/g },
  // The formats checkov's CKV_AWS_46 finds through detect-secrets, each by its documented prefix and length.
  // A password in a URL (`https://user:pass@host`, `postgres://app:pass@db`); a `$` or `{` means a variable.
  { kind: 'a password in a URL', pattern: /\b[a-z][a-z0-9+.-]*:\/\/[^\s:@/'"${}]+:([^\s:@/'"${}]{3,})@[^\s'"]+/gi, group: 1 },
  { kind: 'a JSON Web Token', pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g },
  { kind: 'a Stripe secret key', pattern: /(?<![A-Za-z0-9])[sr]k_live_[0-9a-zA-Z]{24,}/g },
  { kind: 'a SendGrid API key', pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/g },
  { kind: 'a Twilio API key', pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![0-9A-Za-z])/g },
  { kind: 'an npm token', pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g },
  { kind: 'a Google API key', pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/g },
  { kind: 'an Azure storage account key', pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/g, group: 1 },
];

/**
 * `NAME=value`, `name: value`, `"name": "value"` (shell, env files, YAML, JSON) and `--name value` /
 * `--name=value` (command-line flags).
 */
const ASSIGNMENT = /([A-Za-z_][A-Za-z0-9_.-]*)["']?[ \t]*(?:=|:(?!\/\/))[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'`;&|,)}\]]+))/g;
const FLAG = /--([A-Za-z][A-Za-z0-9_-]*)[ \t]+(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"'`;&|-][^\s"'`;&|]*))/g;

/** Names whose value is a secret: ends in password, secret, token, api key, auth key, private key… */
const SECRET_NAME = /(?:password|passwd|secret|token|api_?key|auth_?key|access_?key|secret_?key|private_?key|credentials?)$/;

/**
 * Shannon entropy threshold, in bits per character, for a value assigned to a secret-sounding name.
 * Random base64 or alphanumeric secrets of 16+ characters score 3.7–4.5 and random hex 3.4–3.9; words,
 * placeholders and settings (`changeme`, `required`, `/etc/app/token`) score below 3.3. 3.5 (the value
 * gitleaks uses for its generic API key rule) keeps the latter quiet. As log2(12) ≈ 3.58 is the most a
 * 12-character value can score, shorter values never reach it; MIN_LENGTH says so explicitly. A weak literal
 * password such as `hunter2` therefore passes this detector: that is the price of not flagging every
 * `token: none`.
 */
export const ENTROPY_THRESHOLD = 3.5;
export const MIN_LENGTH = 12;

/** Values that are references or locations, not secrets: shell variables, command substitution, paths, URLs. */
const NOT_A_VALUE = /^(?:[/~.<]|file:|arn:|https?:\/\/|s3:\/\/|ssm:|secretsmanager:)|[$\0{}]/;

export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const c of value) counts.set(c, (counts.get(c) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

export function mask(secret: string): string {
  return `${secret.slice(0, 4)}${'*'.repeat(Math.min(Math.max(secret.length - 4, 4), 16))}`;
}

/** Every secret found in `text`. `\0` marks where an interpolation was cut out; values stop there. */
export function findLiteralSecrets(text: string): LiteralSecret[] {
  const found: LiteralSecret[] = [];
  const spans: [number, number][] = [];
  for (const detector of DETECTORS) {
    for (const match of text.matchAll(detector.pattern)) {
      const secret = match[detector.group ?? 0];
      found.push({ kind: detector.kind, masked: detector.shown ? detector.shown(match as RegExpExecArray) : mask(secret) });
      spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
    }
  }
  for (const pattern of [ASSIGNMENT, FLAG]) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index ?? 0;
      // A value a specific detector already reported is not reported twice.
      if (spans.some(([a, b]) => start < b && start + match[0].length > a)) continue;
      const name = match[1].toLowerCase().replace(/[-.]/g, '_');
      const value = (match[2] ?? match[3] ?? match[4] ?? '').trim();
      if (!SECRET_NAME.test(name) || !looksSecret(value)) continue;
      found.push({ kind: `a high-entropy value assigned to ${match[1]}`, masked: mask(value) });
      spans.push([start, start + match[0].length]);
    }
  }
  return found;
}

function looksSecret(value: string): boolean {
  return value.length >= MIN_LENGTH && !NOT_A_VALUE.test(value) && shannonEntropy(value) >= ENTROPY_THRESHOLD;
}
