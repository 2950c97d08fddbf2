/**
 * User data carries no secrets: no literal keys or passwords, and no references to secret-bearing attributes,
 * with one deliberate exception (a single-use, short-lived, tagged Tailscale join key).
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { pass, unknown, violation } from '../../engine/results';
import type { CheckResult, ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, describeExpression, isExpression, listAttr, numberAttr } from '../../engine/values';
import { analyseUserData, type SecretPolicy } from '../common/user-data/analyse';
import type { Reference } from '../common/user-data/references';

/** The longest a Tailscale join key may live and still be accepted in user data: one day. */
export const MAX_JOIN_KEY_EXPIRY_SECONDS = 86400;

/** Where each type keeps its user data; `block`: in a nested block (an autoscale pool's droplet_template). */
const USER_DATA: Readonly<Record<string, readonly { attribute: string; encoding: 'text' | 'base64'; block?: string }[]>> = {
  aws_instance: [
    { attribute: 'user_data', encoding: 'text' },
    { attribute: 'user_data_base64', encoding: 'base64' },
  ],
  aws_spot_instance_request: [
    { attribute: 'user_data', encoding: 'text' },
    { attribute: 'user_data_base64', encoding: 'base64' },
  ],
  aws_launch_configuration: [
    { attribute: 'user_data', encoding: 'text' },
    { attribute: 'user_data_base64', encoding: 'base64' },
  ],
  // A launch template's user_data is base64 already.
  aws_launch_template: [{ attribute: 'user_data', encoding: 'base64' }],
  digitalocean_droplet: [{ attribute: 'user_data', encoding: 'text' }],
  digitalocean_droplet_autoscale: [{ attribute: 'user_data', encoding: 'text', block: 'droplet_template' }],
};

export const noSecretsInUserData = defineRule({
  id: 'no-secrets-in-user-data',
  title: 'User data contains no secrets',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: Object.keys(USER_DATA),
  rationale:
    'User data is not a secret store. On EC2 any process on the instance (and anything that can make it send ' +
    'a request: SSRF, an open proxy) reads it from the metadata service, and anyone with ' +
    'ec2:DescribeInstanceAttribute or autoscaling/launch-template read access reads it from the API. On ' +
    'DigitalOcean the metadata endpoint needs no token at all and the API returns it to any read-scoped token. ' +
    'It also sits in Terraform state and plan output, and cloud-init copies it to disk and logs. Secrets are ' +
    'fetched at boot from a secret store with the instance role instead (literal keys, PEM private keys, ' +
    'Tailscale/GitHub/Slack/DigitalOcean/Stripe/SendGrid/Twilio/npm/Google tokens, JWTs, Azure storage keys, ' +
    'passwords in URLs, high-entropy values assigned to password/secret/token names, ' +
    'and references such as random_password.x.result or aws_secretsmanager_secret_version.x.secret_string are ' +
    'all reported). The one exception is a Tailscale join key for hosts with no secret store (DigitalOcean ' +
    `relays): a tailscale_tailnet_key in this stack that is single-use (reusable false), preauthorized, tagged ` +
    `and expires within ${MAX_JOIN_KEY_EXPIRY_SECONDS} seconds. Residual risk: until the host joins, anyone who ` +
    'reads the user data can join one node with those tags instead (so the tags must grant little); afterwards ' +
    'the used key is worthless, and unused it dies within a day. Expressions that cannot be judged (variables, ' +
    'templatefile(), file()) are unknown, never clean.',
  fix:
    'Keep secrets out of user data: give the instance a role and fetch them at boot (`aws secretsmanager ' +
    'get-secret-value --secret-id <arn>`), passing only the secret ARN in user data. For a Tailscale join key, ' +
    'use a tailscale_tailnet_key with `reusable = false`, `preauthorized = true`, `tags = [...]` and ' +
    `\`expiry <= ${MAX_JOIN_KEY_EXPIRY_SECONDS}\`. Rotate any secret that was already in user data.`,
  references: {
    checkov: ['CKV_AWS_46'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_46',
        kind: 'different',
        why: 'decodes base64 user data and covers spot requests and DigitalOcean, and finds the token formats checkov finds (URL passwords, JWTs, Stripe, SendGrid, Twilio, npm, Google, Azure storage keys) and Tailscale, GitHub, Slack and DigitalOcean ones; does not flag IAM unique ids (AIDA/AROA/...), account ids or any bare 40-character string, which checkov reports as secrets',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html', 'https://tailscale.com/kb/1085/auth-keys'],
  },
  examples: {
    failing: {
      resourceType: 'aws_instance',
      body: { ami: 'ami-0123456789abcdef0', instance_type: 't3.micro', user_data: '#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' },
    },
    passing: {
      resourceType: 'aws_instance',
      body: {
        ami: 'ami-0123456789abcdef0',
        instance_type: 't3.micro',
        user_data:
          '#!/bin/bash\nKEY=$(aws secretsmanager get-secret-value --secret-id ${aws_secretsmanager_secret.relay.arn} --query SecretString --output text)\n',
      },
    },
  },
  check(resource, context) {
    const results: CheckResult[] = [];
    const policy = tailscaleJoinKeyPolicy(context);
    for (const { attribute: name, encoding, block } of USER_DATA[resource.type] ?? []) {
      const nested = block === undefined ? undefined : blocks(resource.body, block);
      const holders = nested ? nested.occurrences.map((o) => ({ body: o.body, path: `${o.path}.` })) : [{ body: resource.body, path: '' }];
      if (nested?.unknownExpression) results.push(unknown(`${block} is ${describeExpression(nested.unknownExpression)}`, block));
      for (const holder of holders) results.push(...userDataResults(holder.body[name], `${holder.path}${name}`, encoding, policy));
    }
    return results.length > 0 ? results : pass('no user data');
  },
});

/** The findings in one user data value (a secret, an expression that cannot be judged, or a pass). */
function userDataResults(value: unknown, attribute: string, encoding: 'text' | 'base64', policy: SecretPolicy): CheckResult[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'string') return [unknown(`${attribute} is not a string (${describeExpression(JSON.stringify(value))})`, attribute)];
  const found = analyseUserData(value, encoding, policy);
  const results: CheckResult[] = [
    ...found.secrets.map((secret) => violation(`${attribute} contains ${secret}`, attribute)),
    ...found.unknowns.map((what) => unknown(`${attribute}: ${what}`, attribute)),
  ];
  if (results.length > 0) return results;
  return [pass(found.accepted.length > 0 ? `${attribute} has no secrets other than ${found.accepted.join('; ')}` : `${attribute} has no secrets`, attribute)];
}

/** Accept `tailscale_tailnet_key.<name>.key` only for a single-use, preauthorized, tagged key that expires within a day. */
function tailscaleJoinKeyPolicy(context: RuleContext): SecretPolicy {
  return (ref: Reference) => {
    if (ref.mode !== 'managed' || ref.type !== 'tailscale_tailnet_key' || ref.attribute !== 'key') return undefined;
    const key = context.resourceAt(`${ref.module}${ref.type}.${ref.name}`);
    const shown = `\${${ref.text}}`;
    if (!key) return { secret: `${shown}, a Tailscale key that is not in this stack, so its lifetime cannot be checked` };
    const problems = joinKeyProblems(key);
    if (problems.unknown.length > 0)
      return { unknown: `${shown}: ${problems.unknown.join('; ')}, so whether it is a single-use, short-lived join key is not known` };
    if (problems.wrong.length > 0) return { secret: `${shown}, a Tailscale key that is not a single-use, short-lived join key (${problems.wrong.join('; ')})` };
    return { accepted: `${shown}, a single-use, preauthorized, tagged Tailscale join key that expires within a day` };
  };
}

function joinKeyProblems(key: ResourceRecord): { wrong: string[]; unknown: string[] } {
  const wrong: string[] = [];
  const unknownParts: string[] = [];
  const reusable = boolAttr(key.body, 'reusable');
  if (reusable.state === 'unknown') unknownParts.push(`reusable is ${describeExpression(reusable.expression)}`);
  else if (reusable.state === 'known' && reusable.value) wrong.push('reusable = true');
  const preauthorized = boolAttr(key.body, 'preauthorized');
  if (preauthorized.state === 'unknown') unknownParts.push(`preauthorized is ${describeExpression(preauthorized.expression)}`);
  else if (preauthorized.state !== 'known' || !preauthorized.value) wrong.push('preauthorized is not true');
  const tags = listAttr(key.body, 'tags');
  if (tags.state === 'unknown') unknownParts.push(`tags is ${describeExpression(tags.expression)}`);
  else if (tags.state === 'absent' || tags.value.length === 0) wrong.push('it has no tags');
  else if (tags.value.some(isExpression)) unknownParts.push('some tags are expressions');
  const expiry = numberAttr(key.body, 'expiry');
  // Unset, the Tailscale provider gives keys a 90-day expiry.
  if (expiry.state === 'unknown') unknownParts.push(`expiry is ${describeExpression(expiry.expression)}`);
  else if (expiry.state === 'absent') wrong.push('expiry is unset (90 days)');
  else if (expiry.value > MAX_JOIN_KEY_EXPIRY_SECONDS || expiry.value <= 0)
    wrong.push(`expiry = ${expiry.value} seconds (at most ${MAX_JOIN_KEY_EXPIRY_SECONDS})`);
  return { wrong, unknown: unknownParts };
}
