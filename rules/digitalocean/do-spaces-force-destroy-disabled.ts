/** A Spaces bucket that still holds objects is not deleted by a Terraform destroy or replacement. */
import { defineRule } from '../../engine/rule';
import { requireBool } from '../common/shapes';

export const doSpacesForceDestroyDisabled = defineRule({
  id: 'do-spaces-force-destroy-disabled',
  title: 'Spaces buckets do not set force_destroy',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['digitalocean_spaces_bucket'],
  rationale:
    'With `force_destroy = true`, a `terraform destroy`, a removed resource or a change that forces ' +
    'replacement (a new name or region) empties the bucket first and deletes every object and version in it, ' +
    'without a prompt beyond the plan. Without it, the provider refuses to delete a bucket that holds objects, ' +
    'so data outlives a careless plan. Strict: scratch and CI buckets are legitimately force-destroyed.',
  fix: 'Remove `force_destroy` (the default is false) or set `force_destroy = false`; empty a bucket on purpose before deleting it.',
  references: { docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket'] },
  examples: {
    failing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'backups', region: 'ams3', force_destroy: true } },
    passing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'backups', region: 'ams3' } },
  },
  check: (bucket) => requireBool(bucket.body, 'force_destroy', 'keeping a non-empty bucket on destroy', { expected: false, defaultValue: false }),
});
