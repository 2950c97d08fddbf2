/**
 * In a plan, `bucket = aws_s3_bucket.b.id` is unknown until apply. The reference is kept (from the
 * cdk.tf.json or the plan's configuration) so rules that pair resources can still follow it.
 */
import { stackFromPlanJson } from '../../aspects/input/plan-json';
import { UNKNOWN_AFTER_APPLY } from '../../aspects/engine/values';

const plan = (configuration: unknown) => ({
  format_version: '1.2',
  resource_changes: [
    { address: 'aws_s3_bucket.b', mode: 'managed', type: 'aws_s3_bucket', name: 'b', change: { actions: ['create'], after: { bucket: 'logs' }, after_unknown: { id: true } } },
    {
      address: 'aws_s3_bucket_versioning.v',
      mode: 'managed',
      type: 'aws_s3_bucket_versioning',
      name: 'v',
      change: { actions: ['create'], after: { versioning_configuration: [{ status: 'Enabled' }] }, after_unknown: { bucket: true, id: true } },
    },
  ],
  configuration,
});

const versioning = (doc: ReturnType<typeof stackFromPlanJson>) => doc.resources.find((r) => r.type === 'aws_s3_bucket_versioning')!.body;

describe('plan JSON keeps references that are unknown until apply', () => {
  test('not from the plan configuration section, which cannot tell `x.id` from `lower(x.id)`', () => {
    const doc = stackFromPlanJson(
      plan({
        root_module: {
          resources: [
            { address: 'aws_s3_bucket_versioning.v', mode: 'managed', type: 'aws_s3_bucket_versioning', name: 'v', expressions: { bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } } },
          ],
        },
      }) as never,
      { stack: 'p' },
    );
    expect(versioning(doc).bucket).toBe(UNKNOWN_AFTER_APPLY);
  });

  test('from the cdk.tf.json when given', () => {
    const config = { resource: { aws_s3_bucket_versioning: { v: { bucket: '${aws_s3_bucket.b.bucket}', versioning_configuration: { status: 'Enabled' } } } } };
    const doc = stackFromPlanJson(plan(undefined) as never, { stack: 'p', config } as never);
    expect(versioning(doc).bucket).toBe('${aws_s3_bucket.b.bucket}');
  });
});
