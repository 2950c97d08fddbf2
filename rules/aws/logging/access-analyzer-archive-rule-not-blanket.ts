/** An Access Analyzer archive rule narrows what it archives: one that matches every finding hides them all. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { blocks, boolAttr, describeExpression, isExpression, listAttr, stringAttr, type BlockOccurrence } from '../../../engine/values';

/** Criteria every external-access finding carries, so `exists = true` on them matches them all. */
const ALWAYS_PRESENT = ['resource', 'resourceType', 'resourceOwnerAccount', 'isPublic', 'status'];

/** Criteria with a closed set of values: an `eq` listing all of them matches every finding. */
const ALL_VALUES: Readonly<Record<string, readonly string[]>> = {
  isPublic: ['true', 'false'],
  status: ['ACTIVE', 'ARCHIVED', 'RESOLVED'],
};

/** A substring every value of the criterion contains, so `contains` of any part of it matches every finding. */
const COMMON_PART: Readonly<Record<string, string>> = { resource: 'arn:', resourceType: 'AWS::' };

/** How one filter block reads: it narrows the rule, matches every finding, or cannot be told. */
type Reading = { readonly kind: 'narrows' | 'all' } | { readonly kind: 'unknown'; readonly why: string };

export const accessAnalyzerArchiveRuleNotBlanket = defineRule({
  id: 'access-analyzer-archive-rule-not-blanket',
  title: 'Access Analyzer archive rules do not match every finding',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_accessanalyzer_archive_rule'],
  rationale:
    'An archive rule archives every new finding that matches all of its filters, as soon as it is raised. A rule ' +
    'whose filters narrow nothing (only `exists = true` on criteria every finding has, such as resourceType or ' +
    'isPublic, or an `eq` listing every value of isPublic or status) archives every external-access finding: ' +
    'the analyzer keeps running, the console shows no active findings, and a public bucket or a role trusted by ' +
    'a stranger is never seen.',
  fix:
    'Give the rule a filter that names what is expected to be shared: a trusted account (`criteria = ' +
    '"principal.AWS"`, `eq = ["111122223333"]`), one resource (`criteria = "resource"`, `eq = [<arn>]`), or ' +
    '`isPublic` `eq = ["false"]` together with such a filter. To stop an analyzer, delete it instead of hiding its findings.',
  references: {
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-archive-rules.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-filter-keys.html',
    ],
  },
  examples: {
    failing: {
      resourceType: 'aws_accessanalyzer_archive_rule',
      body: { analyzer_name: 'external', rule_name: 'quiet', filter: [{ criteria: 'resourceType', exists: true }] },
    },
    passing: {
      resourceType: 'aws_accessanalyzer_archive_rule',
      body: {
        analyzer_name: 'external',
        rule_name: 'audit-account',
        filter: [
          { criteria: 'principal.AWS', eq: ['111122223333'] },
          { criteria: 'isPublic', eq: ['false'] },
        ],
      },
    },
  },
  check(resource) {
    const filters = blocks(resource.body, 'filter');
    const readings = filters.occurrences.map((f) => ({ filter: f, reading: readFilter(f) }));
    // Filters are ANDed: one that certainly exists and narrows is enough.
    const narrowing = readings.find((r) => r.reading.kind === 'narrows' && r.filter.mayBeNone === undefined);
    if (narrowing) return pass(`${narrowing.filter.path} narrows what the rule archives`, narrowing.filter.path);
    const doubts: CheckResult[] = readings.flatMap(({ filter, reading }) => {
      if (reading.kind === 'unknown') return [unknown(`${filter.path}: ${reading.why}, so whether it narrows the rule is not known`, filter.path)];
      if (reading.kind === 'narrows')
        return [unknown(`${filter.path} narrows the rule, but may not exist (for_each = ${describeExpression(filter.mayBeNone ?? '')})`, filter.path)];
      return [];
    });
    if (filters.unknownExpression) doubts.push(unknown(`filter is ${describeExpression(filters.unknownExpression)}`, 'filter'));
    if (doubts.length > 0) return doubts;
    const what = filters.occurrences.length === 0 ? 'it has no filter' : 'no filter narrows it';
    return violation(`the rule matches every finding (${what}), so it archives every external-access finding as it is raised`, 'filter');
  },
});

/** Whether one `filter { criteria, eq, neq, contains, exists }` narrows the findings; comparators in it are ANDed. */
function readFilter(filter: BlockOccurrence): Reading {
  const criteria = stringAttr(filter.body, 'criteria');
  if (criteria.state === 'unknown') return { kind: 'unknown', why: `criteria is ${describeExpression(criteria.expression)}` };
  if (criteria.state === 'absent') return { kind: 'unknown', why: 'criteria is missing' };
  const readings = [existsReading(filter.body, criteria.value), eqReading(filter.body, criteria.value), containsReading(filter.body, criteria.value)];
  // A `neq` excludes the values it lists: it narrows (unless its values are unknown).
  const neq = listAttr(filter.body, 'neq');
  if (neq.state === 'unknown') readings.push({ kind: 'unknown', why: `neq is ${describeExpression(neq.expression)}` });
  else if (neq.state === 'known' && neq.value.length > 0) readings.push({ kind: 'narrows' });
  const present = readings.filter((r): r is Reading => r !== undefined);
  if (present.some((r) => r.kind === 'narrows')) return { kind: 'narrows' };
  return present.find((r) => r.kind === 'unknown') ?? { kind: 'all' };
}

function existsReading(body: JsonObject, criteria: string): Reading | undefined {
  const exists = boolAttr(body, 'exists');
  if (exists.state === 'absent') return undefined;
  if (exists.state === 'unknown') return { kind: 'unknown', why: `exists is ${describeExpression(exists.expression)}` };
  // `exists = false` on a criterion every finding has matches none; on another, it leaves out those that have it.
  return exists.value && ALWAYS_PRESENT.includes(criteria) ? { kind: 'all' } : { kind: 'narrows' };
}

function eqReading(body: JsonObject, criteria: string): Reading | undefined {
  const eq = listAttr(body, 'eq');
  if (eq.state === 'absent') return undefined;
  if (eq.state === 'unknown') return { kind: 'unknown', why: `eq is ${describeExpression(eq.expression)}` };
  const every = ALL_VALUES[criteria];
  if (!every) return { kind: 'narrows' };
  const literals = eq.value.filter((v): v is string => typeof v === 'string' && !isExpression(v)).map((v) => v.toUpperCase());
  if (every.every((v) => literals.includes(v.toUpperCase()))) return { kind: 'all' };
  const missing = every.filter((v) => !literals.includes(v.toUpperCase()));
  if (literals.length < eq.value.length) return { kind: 'unknown', why: `eq has values that are expressions and may list ${missing.join(', ')}` };
  return { kind: 'narrows' };
}

function containsReading(body: JsonObject, criteria: string): Reading | undefined {
  const contains = listAttr(body, 'contains');
  if (contains.state === 'absent') return undefined;
  if (contains.state === 'unknown') return { kind: 'unknown', why: `contains is ${describeExpression(contains.expression)}` };
  if (!ALWAYS_PRESENT.includes(criteria)) return { kind: 'narrows' };
  const common = COMMON_PART[criteria] ?? '';
  // The values are ORed: one that every value of the criterion contains matches every finding.
  const universal = (v: unknown) => typeof v === 'string' && !isExpression(v) && common.includes(v);
  if (contains.value.some(universal)) return { kind: 'all' };
  if (contains.value.some((v) => typeof v !== 'string' || isExpression(v))) return { kind: 'unknown', why: 'contains has values that are expressions' };
  return { kind: 'narrows' };
}
