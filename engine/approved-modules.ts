/**
 * Modules whose contents a team has reviewed: a registry module at an exact version (or a local one by its
 * path), with the reason, audited in every report like a suppression. A module call no rule can look inside
 * is otherwise reported unknown (`module-contents-unverified`): approval is the way forward that is not
 * "switch the rule off". A local module is read and its resources checked whether approved or not (see
 * engine/input/local-modules.ts); its approval, matched on the source as the configuration writes it (at
 * synth, cdktf's `./assets/…` path), is only audited.
 */
import { GuardrailConfigError, describe } from './config-error';
import type { JsonObject } from './types';

export interface ApprovedModule {
  /** The module's `source` exactly as the call writes it, e.g. `terraform-aws-modules/vpc/aws`. */
  readonly source: string;
  /**
   * The exact version reviewed (`5.8.1`). Required for registry and remote sources: an approval must not
   * follow a version nobody read. Local sources (`./modules/x`) have no version.
   */
  readonly version?: string;
  /** Why it may be trusted (who reviewed it, where); at least 10 characters. Shown in every report. */
  readonly reason: string;
}

export const MIN_APPROVAL_REASON = 10;

const isLocal = (source: string) => source.startsWith('./') || source.startsWith('../');

export function validateApprovedModules(value: unknown, where: string): readonly ApprovedModule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new GuardrailConfigError(`${where}.approvedModules: expected an array of { source, version, reason }, got ${describe(value)}`);
  return value.map((entry: unknown, i) => {
    const at = `${where}.approvedModules[${i}]`;
    if (typeof entry !== 'object' || entry === null) throw new GuardrailConfigError(`${at}: expected { source, version, reason }, got ${describe(entry)}`);
    const { source, version, reason } = entry as Record<string, unknown>;
    if (typeof source !== 'string' || source.trim() === '')
      throw new GuardrailConfigError(`${at}.source: expected the module source as the call writes it, got ${describe(source)}`);
    if (version !== undefined && (typeof version !== 'string' || !/^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$/.test(version))) {
      throw new GuardrailConfigError(`${at}.version: expected an exact version such as '5.8.1' (not a range), got ${describe(version)}`);
    }
    if (version === undefined && !isLocal(source)) {
      throw new GuardrailConfigError(
        `${at}.version: a registry or remote module is approved at an exact version, so that a new one is reviewed again; got none for '${source}'`,
      );
    }
    if (typeof reason !== 'string' || reason.trim().length < MIN_APPROVAL_REASON) {
      throw new GuardrailConfigError(
        `${at}.reason: say who reviewed it and why it may be trusted (at least ${MIN_APPROVAL_REASON} characters), got ${describe(reason)}`,
      );
    }
    return { source, ...(typeof version === 'string' ? { version } : {}), reason: reason.trim() };
  });
}

/** The approval that covers a module call: same source, and the same literal version when one is approved. */
export function approvalFor(call: JsonObject, approvals: readonly ApprovedModule[]): ApprovedModule | undefined {
  const { source, version } = call;
  if (typeof source !== 'string') return undefined;
  return approvals.find((a) => a.source === source && (a.version === undefined ? isLocal(source) && version === undefined : version === a.version));
}
