/** Lambda functions run on a runtime AWS still patches. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../../engine/results';
import { describeExpression, stringAttr } from '../../../engine/values';

/**
 * The date the list below is complete to: every Lambda-managed runtime whose deprecation date (end of
 * security patches) is on or before it. A fixed date, not today's, so a check gives the same answer every
 * day; move it forward (and add runtimes) when AWS deprecates more.
 */
export const RUNTIMES_DEPRECATED_AS_OF = '2026-12-01';

/**
 * Deprecation dates from AWS's "Lambda runtimes" page (docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html,
 * deprecated-runtimes table and the supported runtimes' scheduled dates), as of RUNTIMES_DEPRECATED_AS_OF.
 */
export const DEPRECATED_RUNTIMES: Readonly<Record<string, string>> = {
  dotnet8: '2026-11-10',
  'nodejs20.x': '2026-04-30',
  'python3.10': '2026-06-30',
  'python3.11': '2026-06-30',
  java17: '2026-06-30',
  java11: '2026-06-30',
  'java8.al2': '2026-06-30',
  'provided.al2': '2026-06-30',
  'ruby3.2': '2026-03-31',
  'python3.9': '2025-12-15',
  'nodejs18.x': '2025-09-01',
  dotnet6: '2024-11-12',
  'python3.8': '2024-10-14',
  'nodejs16.x': '2024-06-12',
  dotnet7: '2024-05-14',
  java8: '2024-01-08',
  'go1.x': '2024-01-08',
  provided: '2024-01-08',
  'nodejs14.x': '2023-12-04',
  'python3.7': '2023-12-04',
  'ruby2.7': '2023-11-27',
  'dotnetcore3.1': '2023-04-03',
  'nodejs12.x': '2023-03-31',
  'python3.6': '2022-07-18',
  'dotnet5.0': '2022-05-10',
  'dotnetcore2.1': '2022-01-05',
  'nodejs10.x': '2021-07-30',
  'ruby2.5': '2021-07-30',
  'python2.7': '2021-07-15',
  'nodejs8.10': '2020-03-06',
  'nodejs4.3': '2020-03-05',
  'nodejs4.3-edge': '2020-03-05',
  'nodejs6.10': '2019-08-12',
  'dotnetcore1.0': '2019-07-27',
  'dotnetcore2.0': '2019-05-30',
  nodejs: '2016-10-31',
};

const FUNCTION = 'aws_lambda_function';

export const lambdaRuntimeSupported = defineRule({
  id: 'lambda-runtime-supported',
  title: 'Lambda functions do not use a deprecated runtime',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: [FUNCTION],
  rationale:
    'Once AWS deprecates a runtime it stops applying security patches to its language runtime and OS, the ' +
    'function loses technical support, and soon after AWS blocks creating and then updating functions on it: ' +
    "an urgent fix can then not be deployed without a runtime migration first. The list is AWS's deprecation " +
    `schedule as of ${RUNTIMES_DEPRECATED_AS_OF} (nodejs20.x and older, python3.11 and older, java17 and older, ` +
    'dotnet8 and older, ruby3.2 and older, go1.x, provided and provided.al2). A container image function ' +
    '(package_type = "Image") brings its own runtime and is not checked.',
  fix: 'Move to a supported runtime (e.g. nodejs22.x, python3.13, java21, dotnet10, ruby3.4, provided.al2023) and test the function on it.',
  references: {
    checkov: ['CKV_AWS_363'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_363',
        kind: 'stricter',
        why: `checkov's list stops at the runtimes deprecated by 2025 (nodejs16.x, python3.9, java8, dotnet6…); this one follows AWS's schedule to ${RUNTIMES_DEPRECATED_AS_OF} and adds nodejs18.x/20.x, python3.10/3.11, java11/17, java8.al2, dotnet8, ruby3.2 and provided.al2.`,
      },
    ],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html', 'https://docs.aws.amazon.com/lambda/latest/dg/runtime-support-policy.html'],
  },
  examples: {
    failing: { resourceType: FUNCTION, body: { function_name: 'api', role: '${aws_iam_role.api.arn}', handler: 'index.handler', runtime: 'nodejs16.x' } },
    passing: { resourceType: FUNCTION, body: { function_name: 'api', role: '${aws_iam_role.api.arn}', handler: 'index.handler', runtime: 'nodejs22.x' } },
  },
  check(resource) {
    const packageType = stringAttr(resource.body, 'package_type');
    if (packageType.state === 'known' && packageType.value === 'Image') return notApplicable('a container image function brings its own runtime');
    const runtime = stringAttr(resource.body, 'runtime');
    if (runtime.state === 'absent') return notApplicable('no runtime is set');
    if (runtime.state === 'unknown') return unknownValue('runtime', runtime);
    const since = DEPRECATED_RUNTIMES[runtime.value.trim()];
    if (since === undefined || since > RUNTIMES_DEPRECATED_AS_OF) return pass(`runtime ${runtime.value} is supported`, 'runtime');
    if (packageType.state === 'unknown') {
      return unknown(`runtime ${runtime.value} is deprecated, unless package_type (${describeExpression(packageType.expression)}) is Image`, 'package_type');
    }
    return violation(`runtime ${runtime.value} is deprecated since ${since}: AWS no longer patches it`, 'runtime');
  },
});
