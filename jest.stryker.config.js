/** The tests that pin the security core, for mutation testing (see stryker.config.mjs). */
const base = require('./jest.config.js');
module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testMatch: ['<rootDir>/test/{engine,input,rules,catalog}/**/*.test.ts', '<rootDir>/test/cli/unit-of-checking.test.ts', '<rootDir>/test/cli/fuzz.test.ts'],
};
