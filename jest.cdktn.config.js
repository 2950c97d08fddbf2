/**
 * `npm run test:cdktn`: the enforcement, AWS construct and matcher suites again, on CDK Terrain (cdktn 0.24,
 * @cdktn/provider-aws 25.x = AWS provider 6) instead of cdktf 0.21: every `cdktf` and `@cdktf/provider-aws`
 * import (ours and the tests') resolves to cdktn's, with cdktn's constructs. DigitalOcean suites are left out:
 * its constructs are cdktf-only. Run on Node >= 22.11 where available (`.ci/run` does).
 */
const { cdktnPeers } = require('./scripts/cdktn-peers.js');
const base = require('./jest.config.js');

const peers = cdktnPeers();
module.exports = {
  ...base,
  displayName: 'cdktn',
  testMatch: [
    '<rootDir>/test/enforce/**/*.test.ts',
    '<rootDir>/test/testing/matchers.test.ts',
    '<rootDir>/test/lib/relay/aws-derp-relay.test.ts',
    '<rootDir>/test/lib/secrets/**/*.test.ts',
  ],
  // Left out: the adapter's own test (it asserts this process runs cdktf), and suites that run the built
  // package in a child process, where this mapping does not apply (test/package/cdktn-consumer.test.ts runs
  // a real cdktn process instead).
  testPathIgnorePatterns: ['/node_modules/', 'cdk-adapter\\.test\\.ts$', 'uncaught-refusal\\.test\\.ts$', 'sealed-synth\\.test\\.ts$'],
  moduleNameMapper: {
    '^cdktf$': `${peers}/cdktn`,
    '^cdktf/(.*)$': `${peers}/cdktn/$1`,
    '^cdktn$': `${peers}/cdktn`,
    '^cdktn/(.*)$': `${peers}/cdktn/$1`,
    '^@cdktf/provider-aws/(.*)$': `${peers}/@cdktn/provider-aws/$1`,
    '^@cdktn/provider-aws/(.*)$': `${peers}/@cdktn/provider-aws/$1`,
    '^constructs$': `${peers}/constructs`,
  },
};
