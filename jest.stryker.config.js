/**
 * The tests that pin the security core, for mutation testing (see stryker.config.mjs): everything that runs
 * in-process; the CLI tests that start processes or terraform are left out (slow, and they test the same
 * code through the built package).
 *
 * `MUTATION_TESTS=test/engine/values.test.ts,...` runs only those test files: a quick loop while killing one
 * file's survivors. Its score is a lower bound (the whole set can only kill more mutants).
 */
const base = require('./jest.config.js');
const only = process.env.MUTATION_TESTS?.split(',').filter((path) => path.trim() !== '');
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: only?.length ? only.map((path) => `<rootDir>/${path.trim()}`) : ['<rootDir>/test/{engine,input,rules,catalog,cli,corpus}/**/*.test.ts'],
  // Left out: tests that start processes or terraform, and the fuzzer and corpus, which cover nearly every
  // line and would run for every mutant (they test the same code through many more inputs, slowly).
  testPathIgnorePatterns: [
    '/node_modules/',
    '<rootDir>/test/cli/process.test.ts',
    '<rootDir>/test/cli/real-plan.test.ts',
    '<rootDir>/test/cli/fuzz.test.ts',
    '<rootDir>/test/corpus/',
  ],
};
