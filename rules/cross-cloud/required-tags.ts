/**
 * Every taggable resource carries the organisation's required tags (`owner`, `environment` by default), so
 * whoever finds a resource in an incident, a cost report or a cleanup knows whose it is and what breaks
 * without it.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../engine/results';
import type { CheckResult, ResourceRecord } from '../../engine/types';
import { describeExpression } from '../../engine/values';
import { AWS_TAGGABLE_TYPES } from '../common-data/aws-taggable-types';
import { awsTags } from '../common/tags';
import { readTagList, showTag, type TagList } from '../digitalocean/common';
import { forEachBlock } from '../common/shapes';

const AWS_TAGGABLE = new Set(AWS_TAGGABLE_TYPES);

/**
 * DigitalOcean types whose `tags` tag the resource itself, and where they are: `undefined` for the
 * top-level `tags`, or the nested block that holds them. Left out on purpose: digitalocean_firewall and
 * digitalocean_monitor_alert, whose `tags` select the droplets they apply to, and resources without tags
 * (load balancers, Spaces buckets, VPCs).
 */
const DIGITALOCEAN_TAGGABLE: ReadonlyMap<string, string | undefined> = new Map([
  ['digitalocean_droplet', undefined],
  ['digitalocean_volume', undefined],
  ['digitalocean_volume_snapshot', undefined],
  ['digitalocean_database_cluster', undefined],
  ['digitalocean_database_replica', undefined],
  ['digitalocean_kubernetes_cluster', undefined],
  ['digitalocean_kubernetes_node_pool', undefined],
  ['digitalocean_custom_image', undefined],
  ['digitalocean_nfs', undefined],
  // The droplets an autoscale pool creates carry the template's tags.
  ['digitalocean_droplet_autoscale', 'droplet_template'],
]);

export const requiredTags = defineRule({
  id: 'required-tags',
  title: 'Taggable resources carry the required tags (owner, environment)',
  severity: 'warning',
  profile: 'strict',
  category: 'hygiene',
  // AWS by prefix, not the ~750 generated types: a tag rule says nothing about a type's security, so it
  // must not make every AWS type count as covered in the audit; the check consults the generated list.
  // The hand-picked DigitalOcean types are few and listed exactly.
  resourceTypes: ['aws_*', ...DIGITALOCEAN_TAGGABLE.keys()],
  rationale:
    'An untagged resource has no owner to page when it is exposed, misbehaves or runs up a bill, and no ' +
    'environment to tell a forgotten test instance from production during an incident or a cleanup. ' +
    'Tag-based access control and cost reports only cover what is tagged.',
  fix:
    "AWS: set the required keys in the provider's `default_tags { tags = { owner = …, environment = … } }` " +
    "(or in the resource's `tags`), with non-empty values. DigitalOcean: add `key:value` tags such as " +
    "`owner:team-infra` and `environment:prod` to the resource's `tags`. The keys come from the `requiredTags` option.",
  examples: {
    failing: { resourceType: 'aws_s3_bucket', body: { bucket: 'logs' } },
    passing: { resourceType: 'aws_s3_bucket', body: { bucket: 'logs', tags: { owner: 'team-infra', environment: 'prod' } } },
  },
  check(resource, context) {
    const required = context.tags.required;
    if (required.length === 0) return notApplicable('no required tags are configured');
    if (resource.type.startsWith('aws_')) return awsResource(resource, context, required);
    if (!DIGITALOCEAN_TAGGABLE.has(resource.type)) return notApplicable(`${resource.type} has no tags of its own`);
    const holder = DIGITALOCEAN_TAGGABLE.get(resource.type);
    if (holder === undefined) return digitaloceanResult(readTagList(resource.body, 'tags', context), required, 'tags');
    // Without the block (or if a dynamic one produces none) there are no tags at all.
    const untagged = () => digitaloceanResult({ refs: [] }, required, `${holder}.tags`)[0] ?? pass('no tags are required');
    return forEachBlock(
      resource.body,
      holder,
      (block) => digitaloceanResult(readTagList(block.body, 'tags', context), required, `${block.path}.tags`),
      untagged,
    );
  },
});

function awsResource(resource: ResourceRecord, context: RuleContext, required: readonly string[]): CheckResult | CheckResult[] {
  // A type missing from the generated list (a newer provider) is still taggable when it is given tags.
  if (!AWS_TAGGABLE.has(resource.type) && !('tags' in resource.body) && !('tags_all' in resource.body)) {
    return notApplicable(`${resource.type} does not take tags`);
  }
  const tags = awsTags(resource, context);
  const missing: string[] = [];
  const unsure: string[] = [];
  for (const key of required) {
    const value = tags.known.get(key);
    if (value !== undefined) {
      if (value.trim() === '') missing.push(`${key} (empty)`);
    } else if (tags.unknownValues.has(key)) unsure.push(`${key} (its value is an expression)`);
    else if (tags.unknownExpression !== undefined) unsure.push(`${key} (tags are ${describeExpression(tags.unknownExpression, 60)})`);
    else missing.push(key);
  }
  return summarize(missing, unsure, "in tags or the provider's default_tags", 'tags');
}

function digitaloceanResult(list: TagList, required: readonly string[], attribute: string): CheckResult[] {
  const unresolved = list.refs.filter((r) => r.kind !== 'name').map(showTag);
  if (list.unknownExpression !== undefined) unresolved.unshift(describeExpression(list.unknownExpression, 60));
  const missing: string[] = [];
  const unsure: string[] = [];
  for (const key of required) {
    const present = list.refs.some((r) => r.kind === 'name' && r.name.startsWith(`${key}:`) && r.name.length > key.length + 1);
    if (present) continue;
    if (unresolved.length > 0) unsure.push(`${key} (tags include ${unresolved.join(', ')})`);
    else missing.push(`${key}:<value>`);
  }
  return summarize(missing, unsure, 'as key:value tags', attribute);
}

function summarize(missing: string[], unsure: string[], where: string, attribute: string): CheckResult[] {
  const results: CheckResult[] = [];
  if (missing.length > 0) results.push(violation(`missing required tag${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${where}`, attribute));
  if (unsure.length > 0) results.push(unknown(`required tag${unsure.length > 1 ? 's' : ''} ${unsure.join(', ')} not known to be set`, attribute));
  if (results.length === 0) results.push(pass('all required tags are set', attribute));
  return results;
}
