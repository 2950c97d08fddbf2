/** Spaces buckets keep old versions, so a deleted or overwritten object can be recovered. */
import { defineRule } from '../../engine/rule';
import { forEachBlock, requireBool } from '../common/shapes';

export const doSpacesVersioning = defineRule({
  id: 'do-spaces-versioning',
  title: 'Spaces buckets have versioning enabled',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['digitalocean_spaces_bucket'],
  rationale:
    'Without versioning, a leaked Spaces key, a buggy sync job or ransomware that overwrites or deletes ' +
    'objects destroys them for good. Versioning keeps the previous versions. It is in the strict profile, ' +
    'not the baseline: it is a recovery control, not an exposure, and caches or build artefacts do not ' +
    'need it (stored versions are billed).',
  fix: 'Add `versioning { enabled = true }` (and a lifecycle_rule with noncurrent_version_expiration to bound the cost).',
  references: {
    checkov: ['CKV_DIO_1'],
    docs: ['https://docs.digitalocean.com/products/spaces/how-to/enable-versioning/'],
  },
  examples: {
    failing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'backups', region: 'ams3' } },
    passing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'backups', region: 'ams3', versioning: { enabled: true } } },
  },
  check(bucket) {
    return forEachBlock(
      bucket.body,
      'versioning',
      (block) => requireBool(block.body, 'enabled', 'versioning', { path: block.path, defaultValue: false }),
      requireBool({}, 'enabled', 'versioning', { path: 'versioning', defaultValue: false }),
    );
  },
});
