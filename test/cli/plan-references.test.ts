/**
 * In a plan, `bucket = aws_s3_bucket.b.id` is unknown until apply. The reference is kept (from the
 * cdk.tf.json or the plan's configuration) so rules that pair resources can still follow it.
 */
import { stackFromPlanJson } from '../../engine/input/plan-json';
import { UNKNOWN_AFTER_APPLY } from '../../engine/values';

const plan = (configuration: unknown) => ({
  format_version: '1.2',
  resource_changes: [
    {
      address: 'aws_s3_bucket.b',
      mode: 'managed',
      type: 'aws_s3_bucket',
      name: 'b',
      change: { actions: ['create'], after: { bucket: 'logs' }, after_unknown: { id: true } },
    },
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
            {
              address: 'aws_s3_bucket_versioning.v',
              mode: 'managed',
              type: 'aws_s3_bucket_versioning',
              name: 'v',
              expressions: { bucket: { references: ['aws_s3_bucket.b.id', 'aws_s3_bucket.b'] } },
            },
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

  test("inside lists and nested blocks too (a firewall's droplet_ids, a block written as one object in cdk.tf.json)", () => {
    const firewallPlan = {
      format_version: '1.2',
      resource_changes: [
        {
          address: 'digitalocean_firewall.fw',
          mode: 'managed',
          type: 'digitalocean_firewall',
          name: 'fw',
          change: {
            actions: ['create'],
            after: { name: 'fw', droplet_ids: [null, 7], inbound_rule: [{ protocol: 'tcp', port_range: '443', source_load_balancer_uids: [null] }] },
            after_unknown: { droplet_ids: [true, false], inbound_rule: [{ source_load_balancer_uids: [true] }], id: true },
          },
        },
      ],
    };
    const config = {
      resource: {
        digitalocean_firewall: {
          fw: {
            name: 'fw',
            droplet_ids: ['${digitalocean_droplet.web.id}', 7],
            inbound_rule: { protocol: 'tcp', port_range: '443', source_load_balancer_uids: ['${digitalocean_loadbalancer.lb.id}'] },
          },
        },
      },
    };
    const body = stackFromPlanJson(firewallPlan as never, { stack: 'p', config } as never).resources[0].body as Record<string, any>;
    expect(body.droplet_ids).toEqual(['${digitalocean_droplet.web.id}', 7]);
    expect(body.inbound_rule[0].source_load_balancer_uids).toEqual(['${digitalocean_loadbalancer.lb.id}']);
  });

  test('a value that is not exactly one reference stays unknown', () => {
    const p = {
      format_version: '1.2',
      resource_changes: [
        { address: 'x_y.z', mode: 'managed', type: 'x_y', name: 'z', change: { actions: ['create'], after: { ids: [null] }, after_unknown: { ids: [true] } } },
      ],
    };
    const config = { resource: { x_y: { z: { ids: ['${lower(aws_s3_bucket.b.id)}-x'] } } } };
    expect(stackFromPlanJson(p as never, { stack: 'p', config } as never).resources[0].body.ids).toEqual([UNKNOWN_AFTER_APPLY]);
  });
});
