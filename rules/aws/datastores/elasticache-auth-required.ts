/** Clients of an ElastiCache replication group must authenticate (AUTH token or RBAC user group). */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { JsonObject } from '../../../engine/types';
import { attr, describeExpression, isExpression, listAttr, maybe, NO, YES, type Answer } from '../../../engine/values';
import { isConcreteReference } from '../policy/template';
import { globalSecondary } from './elasticache';

/** Set: a literal, or a whole-value reference to a resource or data source attribute (a generated or stored secret). */
function isSet(body: JsonObject, attribute: string): Answer {
  const value = attr(body, attribute);
  if (value.state === 'absent') return NO;
  if (value.state === 'unknown') return isConcreteReference(value.expression) ? YES : maybe(`${attribute} is ${describeExpression(value.expression)}`);
  return typeof value.value === 'string' && value.value.trim() === '' ? NO : YES;
}

function hasUserGroup(body: JsonObject): Answer {
  const groups = listAttr(body, 'user_group_ids');
  if (groups.state === 'absent') return NO;
  if (groups.state === 'unknown') return maybe(`user_group_ids is ${describeExpression(groups.expression)}`);
  if (groups.value.length === 0) return NO;
  return groups.value.some((g) => typeof g === 'string' && g.trim() !== '' && (!isExpression(g) || isConcreteReference(g)))
    ? YES
    : maybe(`user_group_ids is ${JSON.stringify(groups.value)}`);
}

export const elasticacheAuthRequired = defineRule({
  id: 'elasticache-auth-required',
  title: 'ElastiCache replication groups require authentication (an AUTH token or an RBAC user group)',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_elasticache_replication_group'],
  rationale:
    'Without AUTH or RBAC, anything that reaches the cache port can read every key and run FLUSHALL or CONFIG ' +
    'commands: a security group opened too widely, or a compromised workload anywhere in the VPC, is enough. ' +
    'Both need in-transit encryption (elasticache-encryption-in-transit). A token that is a reference to a ' +
    'resource or data source (random_password, a Secrets Manager secret version) counts as set; a variable ' +
    'may be empty, so it is unknown. Strict: security groups already limit who reaches the port, and rotating ' +
    'tokens or managing user groups is work.',
  fix: 'Set `auth_token` (from a random_password or a secret, never a literal) or `user_group_ids = [aws_elasticache_user_group.x.id]`, with `transit_encryption_enabled = true`.',
  references: {
    checkov: ['CKV_AWS_31'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_31',
        kind: 'looser',
        why: 'an RBAC user group (user_group_ids) counts as authentication here, as well as an auth_token; checkov accepts only auth_token.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html', 'https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_elasticache_replication_group',
      body: { replication_group_id: 'sessions', description: 'sessions', transit_encryption_enabled: true },
    },
    passing: {
      resourceType: 'aws_elasticache_replication_group',
      body: {
        replication_group_id: 'sessions',
        description: 'sessions',
        transit_encryption_enabled: true,
        user_group_ids: ['${aws_elasticache_user_group.app.id}'],
      },
    },
  },
  check(resource) {
    const secondary = globalSecondary(resource.body);
    if (secondary) return secondary;
    const token = isSet(resource.body, 'auth_token');
    const group = hasUserGroup(resource.body);
    if (token.state === 'known' && token.value) return pass('clients authenticate with an AUTH token', 'auth_token');
    if (group.state === 'known' && group.value) return pass('clients authenticate as users of an RBAC user group', 'user_group_ids');
    const doubt = [token, group].find((a) => a.state === 'unknown');
    if (doubt?.state === 'unknown')
      return unknown(`authentication cannot be verified: ${doubt.expression}`, token.state === 'unknown' ? 'auth_token' : 'user_group_ids');
    return violation('neither auth_token nor user_group_ids is set: any client that reaches the port can use the cache', 'auth_token');
  },
});
