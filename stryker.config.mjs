// Mutation testing of the security core: `npm run mutation` (not in .ci/run: against every test it takes hours
// on 2 cores; `MUTATE=file MUTATION_TESTS=its tests` takes minutes). A surviving mutant in a security check is a
// missing test. Survivors judged equivalent (no behaviour can tell them apart) are listed, each with its reason,
// in docs/mutation-testing.md, with the scores and the test set each file was measured with.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'jest',
  jest: { configFile: 'jest.stryker.config.js', enableFindRelatedTests: false },
  coverageAnalysis: 'perTest',
  mutate: (
    process.env.MUTATE ??
    [
      'engine/values.ts',
      'engine/suppressions.ts',
      'engine/evaluate.ts',
      'engine/input/merge-module.ts',
      'engine/input/terraform-directory.ts',
      'engine/input/read-json.ts',
      'engine/input/locations.ts',
      'engine/input/nesting.ts',
      'rules/cross-cloud/volume-encryption-required.ts',
      'rules/cross-cloud/public-ip-requires-approval.ts',
      'rules/aws/network/security-group-ingress.ts',
      'rules/digitalocean/firewall-inbound.ts',
      'rules/common/internet-ingress.ts',
    ].join(',')
  ).split(','),
  // String literals are messages; mutating them tests wording, not behaviour.
  mutator: { excludedMutations: ['StringLiteral'] },
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // ts-jest runs without type checks here, so Stryker need not add @ts-nocheck (which a generated-file test would see).
  disableTypeChecks: false,
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  thresholds: { high: 90, low: 85, break: null },
};
