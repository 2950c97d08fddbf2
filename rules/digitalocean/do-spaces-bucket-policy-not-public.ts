/** A Spaces bucket policy does not open the bucket to anyone on the internet. */
import { defineRule } from '../../engine/rule';
import { all, and, any, describeExpression, known, maybe, NO, not, type Answer } from '../../engine/values';
import { appliesToAnyone, forbidStatements, isAllow, literalOf, readPolicy, type ConditionEntry, type PolicyStatement } from '../aws/policy';
import { isInternetCidr } from '../common/ports';

export const doSpacesBucketPolicyNotPublic = defineRule({
  id: 'do-spaces-bucket-policy-not-public',
  title: 'Spaces bucket policies do not allow anyone on the internet',
  severity: 'error',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['digitalocean_spaces_bucket_policy'],
  rationale:
    'A bucket policy statement that allows Principal "*" with no condition applies to every anonymous ' +
    'request: its actions (listing, reading, or worse, writing and deleting objects) are open to anyone who ' +
    "knows the bucket name, whatever the bucket's ACL says. A condition on `aws:SourceIp` that names " +
    'specific networks (not 0.0.0.0/0) keeps the statement private. Policies that cannot be read ' +
    '(jsonencode(), a variable) are unknown. Strict: a bucket that hosts a public web site or downloads is ' +
    'public on purpose.',
  fix: 'Remove the Allow statements for Principal "*", or add `"Condition": {"IpAddress": {"aws:SourceIp": ["<your networks>"]}}`; share single objects with presigned URLs.',
  references: {
    docs: [
      'https://docs.digitalocean.com/products/spaces/how-to/configure-bucket-policies/',
      'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/spaces_bucket_policy',
    ],
  },
  examples: {
    failing: {
      resourceType: 'digitalocean_spaces_bucket_policy',
      body: {
        region: 'ams3',
        bucket: 'assets',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::assets/*'] }],
        }),
      },
    },
    passing: {
      resourceType: 'digitalocean_spaces_bucket_policy',
      body: {
        region: 'ams3',
        bucket: 'assets',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: '*',
              Action: ['s3:GetObject'],
              Resource: ['arn:aws:s3:::assets/*'],
              Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    const read = readPolicy(resource.body.policy, context);
    return forbidStatements(read, 'policy', (s) => and(isAllow(s), appliesToAnyone(s), not(limitedToNetworks(s))), 'allows anyone ("*") from any address');
  },
});

/** Whether a condition limits the statement to named source networks (an `IpAddress` on `aws:SourceIp`). */
function limitedToNetworks(s: PolicyStatement): Answer {
  if (s.conditions.state === 'absent') return NO;
  if (s.conditions.state === 'unknown') return maybe(`Condition = ${describeExpression(s.conditions.expression)}`);
  return any(s.conditions.value, sourceIpCondition);
}

function sourceIpCondition(c: ConditionEntry): Answer {
  const operator = literalOf(c.operator);
  const key = literalOf(c.key);
  if (operator === undefined || key === undefined) return maybe(`Condition ${describeExpression(c.operator)} ${describeExpression(c.key)}`);
  if (operator.toLowerCase() !== 'ipaddress' || key.toLowerCase() !== 'aws:sourceip') return NO;
  if (c.values.state === 'absent' || (c.values.state === 'known' && c.values.value.length === 0)) return NO;
  if (c.values.state === 'unknown') return maybe(`aws:SourceIp = ${describeExpression(c.values.expression)}`);
  const limited = all(c.values.value, (v) => {
    const cidr = literalOf(v);
    return cidr === undefined ? maybe(`aws:SourceIp "${describeExpression(v)}"`) : known(!isInternetCidr(cidr));
  });
  return c.mayBeNone && limited.state === 'known' && limited.value ? maybe('a dynamic "condition" block (its for_each may be empty)') : limited;
}
