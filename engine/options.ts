/**
 * The options both entry points accept, and their validation. Every mistake is reported with the option's
 * name and what was expected, before anything is synthesized or read.
 */
import { validateApprovedModules, type ApprovedModule } from './approved-modules';
import { GuardrailConfigError, describe, isIsoDate, suggest, todayUtc } from './config-error';
import { validateRuleDefinition } from './rule-validation';
import type { Rule } from './rule';
import type { Profile, RuleLevel, Severity } from './types';

/** The tag that approves putting something on the public internet. */
export interface PublicExposureTagConfig {
  /**
   * AWS tag that must be present (in `tags`, or the provider's `default_tags`).
   * @default { key: 'exposure', value: 'public' }
   */
  readonly aws?: { readonly key: string; readonly value: string };
  /**
   * DigitalOcean tag (DigitalOcean tags are plain strings; `key:value` by convention).
   * @default 'exposure:public'
   */
  readonly digitalocean?: string;
}

export interface GuardrailOptions {
  /**
   * Rule set: `baseline` (what every stack must meet) or `strict` (every rule).
   * @default 'baseline'
   */
  readonly profile?: Profile;
  /** Per-rule levels, e.g. `{ 'required-tags': 'off' }`. Every change is listed in the report. */
  readonly rules?: Readonly<Record<string, RuleLevel>>;
  /**
   * What a value that cannot be known at synth time (a variable, another resource's attribute, a function
   * call) counts as. Never "compliant".
   * @default 'error'
   */
  readonly unknownValues?: Severity;
  /** The approval tag for public exposure. @default AWS `exposure` = `public`, DigitalOcean `exposure:public` */
  readonly publicExposureTag?: PublicExposureTagConfig;
  /**
   * Tags every taggable resource must carry (AWS tag keys; DigitalOcean `key:value` tags by key).
   * @default ['owner', 'environment']
   */
  readonly requiredTags?: readonly string[];
  /** Your own rules, with the same metadata and reporting as the built-in ones. */
  readonly customRules?: readonly Rule[];
  /**
   * The day suppressions' `expires` dates are compared with (`YYYY-MM-DD`, UTC).
   * @default today
   */
  readonly today?: string;
  /**
   * Modules whose contents were reviewed: a call with this source (and exact version) is not reported by
   * `module-contents-unverified`; every approval used is listed in the reports.
   * @default none: every module call is reported unknown
   */
  readonly approvedModules?: readonly ApprovedModule[];
}

export interface ResolvedTagConfig {
  readonly awsExposure: { readonly key: string; readonly value: string };
  readonly digitaloceanExposure: string;
  readonly required: readonly string[];
}

/** Why a rule has the level it has. */
export type LevelSource = 'profile' | 'option' | 'custom';

export interface ActiveRule {
  readonly rule: Rule;
  readonly level: Severity;
  readonly source: LevelSource;
}

export interface RuleLevelChange {
  readonly ruleId: string;
  /** The level the profile gives the rule (`off` when the profile leaves it out). */
  readonly from: RuleLevel;
  readonly to: RuleLevel;
}

export interface ResolvedOptions {
  readonly profile: Profile;
  readonly active: readonly ActiveRule[];
  /** Rules that do not run, and why. */
  readonly off: readonly { readonly ruleId: string; readonly reason: 'not-in-profile' | 'turned-off' }[];
  /** Every level the options changed from the profile's. */
  readonly changes: readonly RuleLevelChange[];
  readonly unknownValues: Severity;
  readonly tags: ResolvedTagConfig;
  readonly today: string;
  /** Every rule id that exists (built-in and custom), for suppression validation. */
  readonly knownRuleIds: ReadonlySet<string>;
  readonly approvedModules: readonly ApprovedModule[];
}

const PROFILES: readonly Profile[] = ['baseline', 'strict'];
const LEVELS: readonly RuleLevel[] = ['error', 'warning', 'off'];
const SEVERITIES: readonly Severity[] = ['error', 'warning'];
const DO_TAG = /^[A-Za-z0-9:_-]{1,255}$/;

/**
 * Check options against the catalog and work out each rule's level.
 * @param where how the caller names the options in errors, e.g. `Guardrails.enforce options`
 */
export function resolveOptions(options: GuardrailOptions | undefined, catalog: readonly Rule[], where = 'options'): ResolvedOptions {
  if (options === undefined || options === null) options = {};
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new GuardrailConfigError(`${where}: expected an object, got ${describe(options)}`);
  }
  const known = new Set(['profile', 'rules', 'unknownValues', 'publicExposureTag', 'requiredTags', 'customRules', 'today', 'approvedModules']);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) {
      throw new GuardrailConfigError(`${where}: unknown option '${key}' (expected one of ${[...known].join(', ')})`);
    }
  }

  const profile = options.profile ?? 'baseline';
  if (!PROFILES.includes(profile)) {
    throw new GuardrailConfigError(`${where}.profile: expected 'baseline' or 'strict', got ${describe(profile)}`);
  }
  const unknownValues = options.unknownValues ?? 'error';
  if (!SEVERITIES.includes(unknownValues)) {
    throw new GuardrailConfigError(`${where}.unknownValues: expected 'error' or 'warning', got ${describe(unknownValues)}`);
  }
  const today = options.today ?? todayUtc();
  if (!isIsoDate(today)) throw new GuardrailConfigError(`${where}.today: expected a date YYYY-MM-DD, got ${describe(today)}`);

  const customRules = validateCustomRules(options.customRules, catalog, where);
  const allRules = [...catalog, ...customRules];
  const byId = new Map(allRules.map((r) => [r.id, r]));
  const overrides = validateLevels(options.rules, byId, where);

  const active: ActiveRule[] = [];
  const off: { ruleId: string; reason: 'not-in-profile' | 'turned-off' }[] = [];
  const changes: RuleLevelChange[] = [];
  for (const rule of allRules) {
    const isCustom = customRules.includes(rule);
    const inProfile = profile === 'strict' || (rule.profile ?? 'baseline') === 'baseline';
    const profileLevel: RuleLevel = inProfile ? rule.severity : 'off';
    const override = overrides.get(rule.id);
    const level = override ?? profileLevel;
    if (override !== undefined && override !== profileLevel) changes.push({ ruleId: rule.id, from: profileLevel, to: override });
    if (level === 'off') off.push({ ruleId: rule.id, reason: override === 'off' ? 'turned-off' : 'not-in-profile' });
    else active.push({ rule, level, source: override !== undefined ? 'option' : isCustom ? 'custom' : 'profile' });
  }

  return {
    profile,
    active,
    off,
    changes,
    unknownValues,
    tags: resolveTags(options, where),
    today,
    knownRuleIds: new Set(byId.keys()),
    approvedModules: validateApprovedModules(options.approvedModules, where),
  };
}

function validateLevels(levels: GuardrailOptions['rules'], byId: ReadonlyMap<string, Rule>, where: string): Map<string, RuleLevel> {
  const result = new Map<string, RuleLevel>();
  if (levels === undefined) return result;
  if (typeof levels !== 'object' || levels === null || Array.isArray(levels)) {
    throw new GuardrailConfigError(`${where}.rules: expected an object of rule id to 'error' | 'warning' | 'off', got ${describe(levels)}`);
  }
  for (const [id, level] of Object.entries(levels)) {
    if (!byId.has(id)) {
      throw new GuardrailConfigError(`${where}.rules: unknown rule id '${id}'${suggest(id, [...byId.keys()])}`);
    }
    if (!LEVELS.includes(level)) {
      throw new GuardrailConfigError(`${where}.rules['${id}']: expected 'error', 'warning' or 'off', got ${describe(level)}`);
    }
    result.set(id, level);
  }
  return result;
}

function validateCustomRules(rules: GuardrailOptions['customRules'], catalog: readonly Rule[], where: string): Rule[] {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) throw new GuardrailConfigError(`${where}.customRules: expected an array of rules, got ${describe(rules)}`);
  const taken = new Set(catalog.map((r) => r.id));
  return rules.map((rule, index) => {
    validateRuleDefinition(rule, `${where}.customRules[${index}]`);
    if (taken.has(rule.id)) {
      throw new GuardrailConfigError(`${where}.customRules[${index}]: rule id '${rule.id}' is already taken by another rule`);
    }
    taken.add(rule.id);
    return rule;
  });
}

function resolveTags(options: GuardrailOptions, where: string): ResolvedTagConfig {
  const exposure = options.publicExposureTag ?? {};
  if (typeof exposure !== 'object' || exposure === null) {
    throw new GuardrailConfigError(`${where}.publicExposureTag: expected { aws?: { key, value }, digitalocean?: string }, got ${describe(exposure)}`);
  }
  const aws = exposure.aws ?? { key: 'exposure', value: 'public' };
  if (typeof aws !== 'object' || aws === null || !nonEmpty(aws.key) || typeof aws.value !== 'string' || aws.key.length > 128 || aws.value.length > 256) {
    throw new GuardrailConfigError(
      `${where}.publicExposureTag.aws: expected { key: non-empty string (≤128 chars), value: string (≤256 chars) }, got ${describe(aws)}`,
    );
  }
  const digitalocean = exposure.digitalocean ?? 'exposure:public';
  if (typeof digitalocean !== 'string' || !DO_TAG.test(digitalocean)) {
    throw new GuardrailConfigError(
      `${where}.publicExposureTag.digitalocean: expected a DigitalOcean tag (letters, digits, ':', '-', '_'; 1-255 chars), got ${describe(digitalocean)}`,
    );
  }
  const required = options.requiredTags ?? ['owner', 'environment'];
  if (!Array.isArray(required) || !required.every(nonEmpty)) {
    throw new GuardrailConfigError(`${where}.requiredTags: expected an array of non-empty tag keys, got ${describe(required)}`);
  }
  return { awsExposure: { key: aws.key, value: aws.value }, digitaloceanExposure: digitalocean, required };
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}
