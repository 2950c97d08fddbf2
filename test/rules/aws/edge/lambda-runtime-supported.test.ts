import { DEPRECATED_RUNTIMES, RUNTIMES_DEPRECATED_AS_OF, lambdaRuntimeSupported as rule } from '../../../../rules/aws/edge/lambda-runtime-supported';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const FN = 'aws_lambda_function';
const run = (body: Record<string, unknown>) => findingsFor(rule, FN, { function_name: 'f', ...body });

describe('lambda-runtime-supported', () => {
  itHonoursItsExamples(rule);

  it('fires for deprecated runtimes and names the date', () => {
    for (const runtime of ['nodejs14.x', 'nodejs18.x', 'python3.7', 'python3.8', 'go1.x', 'java8', 'dotnet6']) {
      expect(kinds(run({ runtime }))).toEqual(['violation']);
    }
    expect(run({ runtime: 'python3.8' })[0].message).toContain('2024-10-14');
  });

  it('lists only runtimes deprecated by its date', () => {
    expect(Object.values(DEPRECATED_RUNTIMES).every((d) => d <= RUNTIMES_DEPRECATED_AS_OF)).toBe(true);
  });

  it('is quiet for supported runtimes, image functions and functions without a runtime', () => {
    for (const runtime of ['nodejs22.x', 'nodejs24.x', 'python3.13', 'java21', 'provided.al2023']) expect(run({ runtime })).toEqual([]);
    expect(run({ package_type: 'Image', image_uri: 'x', runtime: 'nodejs14.x' })).toEqual([]);
    expect(run({ package_type: 'Image', image_uri: 'x' })).toEqual([]);
  });

  it('is unknown for an expression runtime, or a deprecated one whose package_type is an expression', () => {
    expect(kinds(run({ runtime: '${var.runtime}' }))).toEqual(['unknown']);
    expect(kinds(run({ runtime: 'nodejs14.x', package_type: '${var.type}' }))).toEqual(['unknown']);
  });
});
