/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    // Type checking is done once by `tsc` (npm run build / the typecheck test), not per test file.
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  maxWorkers: 2,
  testTimeout: 60000,
};
