/**
 * Real-app truth: a corpus of small cdktf apps shaped after public ones (test/corpus/apps), synthesized with
 * no guardrails, checked with the whole strict catalog the way the CLI checks an outdir, and compared with the
 * reviewed findings in reviewed-findings.json. Every finding there carries a verdict; a false positive is a
 * bug, kept (knownBug: true) until its rule is fixed.
 *
 * The test fails when
 * - a finding appears that is not reviewed (review it: add it to the file with a verdict and reason),
 * - a reviewed finding disappears (a true positive lost is a regression; a known false positive gone means
 *   its rule was fixed: remove the entry),
 * - a false positive is listed without knownBug: true (a false positive found later is a bug: file it).
 * Known-bug false positives are expected for now and print nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { corpusApps } from './apps';
import { findingsOf, type CorpusFinding } from './synth-corpus';

interface ReviewedFinding extends CorpusFinding {
  readonly verdict: 'true-positive' | 'false-positive';
  readonly reason: string;
  /** For a false positive: the issue item it is filed under. */
  readonly issue?: string;
  readonly knownBug?: boolean;
}

interface ReviewedApp {
  readonly shapedAfter: string;
  readonly findings: readonly ReviewedFinding[];
}

const REVIEWED_FILE = path.join(__dirname, 'reviewed-findings.json');
const reviewed = (JSON.parse(fs.readFileSync(REVIEWED_FILE, 'utf8')) as { apps: Record<string, ReviewedApp> }).apps;

/** What a finding is matched on: the message is for the reader and may be reworded freely. */
function keyOf(f: CorpusFinding): string {
  return [f.stack, f.rule, f.address, f.kind, f.attribute ?? ''].join(' | ');
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}

/** A finding as an entry to paste into the file, with the verdict left for the reviewer. */
function toReview(f: CorpusFinding): string {
  return JSON.stringify({ ...f, verdict: 'TODO true-positive | false-positive', reason: 'TODO one line' });
}

/** Reviewed entries against what the catalog reports now; a list of problems, empty when they agree. */
function compare(app: string, actual: readonly CorpusFinding[], expected: readonly ReviewedFinding[]): string[] {
  const problems: string[] = [];
  const now = countBy(actual, keyOf);
  const then = countBy(expected, keyOf);
  for (const [key, found] of now) {
    const listed = then.get(key) ?? [];
    for (const f of found.slice(listed.length)) {
      problems.push(`new finding, not reviewed (add it to ${path.basename(REVIEWED_FILE)} under apps.${app}.findings):\n    ${toReview(f)}`);
    }
  }
  for (const [key, listed] of then) {
    const found = now.get(key) ?? [];
    for (const f of listed.slice(found.length)) {
      problems.push(
        f.verdict === 'false-positive'
          ? `known false positive no longer reported (its rule was fixed? remove the entry): ${key}`
          : `reviewed true positive no longer reported (a regression, or a rule change that must be reviewed): ${key} — ${f.reason}`,
      );
    }
  }
  return problems;
}

describe('corpus of public-app shapes: findings are reviewed', () => {
  test('the reviewed file covers exactly the corpus apps, and every entry carries a verdict', () => {
    expect(Object.keys(reviewed).sort()).toEqual(corpusApps.map((a) => a.name).sort());
    const bad: string[] = [];
    for (const [app, { shapedAfter, findings }] of Object.entries(reviewed)) {
      if (typeof shapedAfter !== 'string' || shapedAfter.length === 0) bad.push(`${app}: shapedAfter missing`);
      for (const f of findings) {
        const where = `${app}: ${keyOf(f)}`;
        if (f.verdict !== 'true-positive' && f.verdict !== 'false-positive') bad.push(`${where}: verdict must be true-positive or false-positive`);
        if (typeof f.reason !== 'string' || f.reason.trim().length < 10 || f.reason.includes('\n')) bad.push(`${where}: reason must be one line`);
        if (f.verdict === 'false-positive') {
          if (typeof f.issue !== 'string' || f.issue.trim() === '') bad.push(`${where}: a false positive names the issue item it is filed under`);
          if (f.knownBug !== true) bad.push(`${where}: a false positive is a bug; file it and mark it knownBug: true`);
        } else if (f.knownBug !== undefined || f.issue !== undefined) {
          bad.push(`${where}: knownBug and issue are for false positives`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test.each(corpusApps.map((a) => [a.name, a] as const))('%s', async (name, corpusApp) => {
    const actual = await findingsOf(corpusApp);
    const problems = compare(name, actual, reviewed[name]?.findings ?? []);
    if (problems.length > 0) throw new Error(`${name}: ${problems.length} finding(s) differ from the review\n  ${problems.join('\n  ')}`);
  });
});
