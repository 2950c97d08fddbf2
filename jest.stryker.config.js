/**
 * The tests that pin the security core, for mutation testing (see stryker.config.mjs): everything that runs
 * in-process; the CLI tests that start processes or terraform are left out (slow, and they test the same
 * code through the built package).
 */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/{engine,input,rules,catalog,cli,corpus}/**/*.test.ts'],
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
