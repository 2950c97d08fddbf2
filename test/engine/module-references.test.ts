/**
 * References inside a local module that was read carry the module's address (`module.logs.aws_s3_bucket.b`),
 * the address its resources have in the stack: they resolve to that resource, never to a root resource of
 * the same name, and a module's output is no resource at all.
 */
import { referencedAddress } from '../../engine/values';

test.each([
  ['${module.logs.aws_s3_bucket.b.id}', 'module.logs.aws_s3_bucket.b'],
  ['${module.a[0].module.b.aws_kms_key.k.arn}', 'module.a[0].module.b.aws_kms_key.k'],
  ['${module.disks["b"].aws_ebs_volume.data.id}', 'module.disks["b"].aws_ebs_volume.data'],
  ['${tonumber(module.web.digitalocean_droplet.d.id)}', 'module.web.digitalocean_droplet.d'],
  ['${aws_s3_bucket.b.id}', 'aws_s3_bucket.b'],
])('%s names %s', (reference, address) => expect(referencedAddress(reference)).toBe(address));

test.each([
  ['a module output', '${module.vpc.vpc_id}'],
  ["a module's data source", '${module.a.data.aws_iam_policy_document.p.json}'],
  ["a module's variable", '${module.a.var.x}'],
  ['part of a value', '${module.logs.aws_s3_bucket.b.id}-logs'],
])('%s is no resource address: %s', (_what, reference) => expect(referencedAddress(reference)).toBeUndefined());
