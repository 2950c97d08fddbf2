/** What the ElastiCache rules share: a replication group that joins a global datastore takes its settings from the primary. */
import { notApplicable } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { attr } from '../../../engine/values';

/** Not applicable for a secondary of a global datastore: encryption and auth are the primary's, checked there. */
export function globalSecondary(body: JsonObject): CheckResult | undefined {
  return attr(body, 'global_replication_group_id').state === 'absent'
    ? undefined
    : notApplicable('a member of a global datastore takes its encryption and auth settings from the primary replication group');
}
