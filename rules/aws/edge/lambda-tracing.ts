/** Lambda functions record X-Ray traces. */
import { defineRule } from '../../../engine/rule';
import { violation } from '../../../engine/results';
import { forEachBlock, requireOneOf } from '../../common/shapes';

const FUNCTION = 'aws_lambda_function';

export const lambdaTracing = defineRule({
  id: 'lambda-tracing',
  title: 'Lambda functions have active X-Ray tracing',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [FUNCTION],
  rationale:
    'Traces show which caller invoked the function, what it called downstream and where time and errors ' +
    'went: in an incident they tell which requests an abused or failing function handled. With the default ' +
    'mode PassThrough the function traces only requests an upstream service already sampled, which for most ' +
    'event sources is none. Strict: tracing costs money per trace and not every function needs it.',
  fix: 'Add tracing_config { mode = "Active" } and allow xray:PutTraceSegments and xray:PutTelemetryRecords to the function role (AWSXRayDaemonWriteAccess).',
  references: {
    checkov: ['CKV_AWS_50'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_50',
        kind: 'stricter',
        why: 'an explicit mode = "PassThrough" is reported too: it traces only what an upstream service sampled, usually nothing.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/lambda/latest/dg/services-xray.html'],
  },
  examples: {
    failing: { resourceType: FUNCTION, body: { function_name: 'api', tracing_config: { mode: 'PassThrough' } } },
    passing: { resourceType: FUNCTION, body: { function_name: 'api', tracing_config: { mode: 'Active' } } },
  },
  check: (resource) =>
    forEachBlock(
      resource.body,
      'tracing_config',
      (config) => requireOneOf(config.body, 'mode', 'active tracing', ['Active'], { path: config.path, defaultValue: 'PassThrough' }),
      violation('no tracing_config block, so mode is PassThrough', 'tracing_config'),
    ),
});
