// A vitest project without `globals`, as vitest users have it: run by test/testing/vitest.test.ts.
export default { test: { include: ['*.vitest.ts'], globals: false, environment: 'node' } };
