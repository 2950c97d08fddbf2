/** `rules` and `explain`: generated from each rule's own metadata, for every rule in the catalog. */
import { builtInRules } from '../../rules';
import { cli } from './harness';

test('rules: a table with id, severity, profile, title and resource types, one row per rule', async () => {
  const run = await cli(['rules']);
  expect(run.code).toBe(0);
  const lines = run.stdout.split('\n');
  expect(lines[0]).toMatch(/^ID\s+SEVERITY\s+PROFILE\s+TITLE\s+RESOURCE TYPES$/);
  for (const rule of builtInRules) {
    const row = lines.find((l) => l.startsWith(`${rule.id} `));
    expect(row).toBeDefined();
    expect(row!.split(/\s{2,}/)).toEqual([rule.id, rule.severity, rule.profile ?? 'baseline', rule.title, rule.resourceTypes.join(', ')]);
  }
  expect(run.stdout).toContain(`${builtInRules.length} rule(s).`);
  expect(lines.every((l) => !/ $/.test(l))).toBe(true);
});

test("rules --format json: every rule's metadata, without the check", async () => {
  const run = await cli(['rules', '--format', 'json']);
  const rules = JSON.parse(run.stdout);
  expect(rules.map((r: { id: string }) => r.id)).toEqual(builtInRules.map((r) => r.id));
  for (const [i, rule] of builtInRules.entries()) {
    const { check: _check, ...metadata } = rule;
    expect(rules[i]).toEqual(JSON.parse(JSON.stringify({ ...metadata, profile: rule.profile ?? 'baseline' })));
    expect(rules[i]).not.toHaveProperty('check');
  }
});

test('rules --profile baseline lists only baseline rules', async () => {
  const rules = JSON.parse((await cli(['rules', '--format', 'json', '--profile', 'baseline'])).stdout);
  expect(rules.map((r: { id: string }) => r.id)).toEqual(builtInRules.filter((r) => (r.profile ?? 'baseline') === 'baseline').map((r) => r.id));
});

describe.each(builtInRules.map((r) => [r.id, r] as const))('explain %s', (id, rule) => {
  test('title, severity, profile, types, rationale, fix, checkov ids and both examples', async () => {
    const run = await cli(['explain', id]);
    expect(run.code).toBe(0);
    const out = run.stdout;
    const flat = out.replace(/\s+/g, ' ');
    expect(out.startsWith(`${id}: ${rule.title}\n`)).toBe(true);
    expect(out).toContain(`severity:       ${rule.severity}`);
    expect(out).toContain(`profile:        ${rule.profile ?? 'baseline'}`);
    expect(out).toContain(`resource types: ${rule.resourceTypes.join(', ')}`);
    expect(flat).toContain(rule.rationale.replace(/\s+/g, ' '));
    expect(flat).toContain(rule.fix.replace(/\s+/g, ' '));
    for (const checkov of rule.references?.checkov ?? []) expect(out).toContain(checkov);
    if (rule.examples) {
      for (const which of ['failing', 'passing'] as const) {
        const example = rule.examples[which];
        const at = out.indexOf(`${which === 'failing' ? 'Failing' : 'Passing'} example (${example.resourceType})\n`);
        expect(at).toBeGreaterThan(0);
        // The example is printed as the Terraform JSON a stack would hold.
        const block = out.slice(out.indexOf('\n', at) + 1).split('\n\n')[0];
        const doc = JSON.parse(block);
        expect(doc.resource[example.resourceType].example).toEqual(example.body);
      }
    }
  });

  test('--format json is the metadata', async () => {
    const run = await cli(['explain', id, '--format', 'json']);
    expect(JSON.parse(run.stdout).id).toBe(id);
  });
});
