/**
 * The parts of a tailnet policy file the evaluator reads, typed loosely on purpose: it must take the JSON a
 * construct writes (TailnetPolicyDocument, whose AclRule/GrantRule from lib/contracts fit these shapes) and a
 * policy written by hand, including forms our constructs never produce (numeric `proto`, legacy
 * `users`/`ports`, `srcPosture`, `via`). Whatever it does not model is answered "cannot evaluate".
 * Field names as https://tailscale.com/kb/1337/policy-syntax spells them.
 */

/** An `acls` entry. `users`/`ports` are the legacy names of `src`/`dst`, still accepted by Tailscale. */
export interface PolicyAcl {
  readonly action?: string;
  readonly src?: readonly string[];
  readonly dst?: readonly string[];
  readonly users?: readonly string[];
  readonly ports?: readonly string[];
  readonly proto?: string;
  readonly srcPosture?: readonly string[];
}

/** A `grants` entry: network access in `ip`, application capabilities in `app`. */
export interface PolicyGrant {
  readonly src?: readonly string[];
  readonly dst?: readonly string[];
  readonly ip?: readonly string[];
  readonly app?: Readonly<Record<string, readonly unknown[]>>;
  readonly srcPosture?: readonly string[];
  readonly via?: readonly string[];
}

/**
 * A `tests` entry: from `src`, every `accept` destination must be reachable and no `deny` destination may be.
 * Destinations are `host:port` with a single port (https://tailscale.com/kb/1337/policy-syntax#tests).
 */
export interface PolicyTest {
  readonly src: string;
  readonly proto?: string;
  readonly accept?: readonly string[];
  readonly deny?: readonly string[];
  readonly srcPostureAttrs?: Readonly<Record<string, unknown>>;
}

export interface EvaluablePolicy {
  readonly groups?: Readonly<Record<string, readonly string[]>>;
  readonly tagOwners?: Readonly<Record<string, readonly string[]>>;
  /** Named aliases for an address or a prefix. */
  readonly hosts?: Readonly<Record<string, string>>;
  readonly acls?: readonly PolicyAcl[];
  readonly grants?: readonly PolicyGrant[];
  readonly tests?: readonly PolicyTest[];
}
