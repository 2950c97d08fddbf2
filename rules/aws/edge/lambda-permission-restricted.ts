/** Lambda resource policies name who may invoke: no `*`, and services only for a given source. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { JsonObject } from '../../../engine/types';
import { known, stringAttr, type Answer, type Known } from '../../../engine/values';
import { isSet } from './edge-common';

const PERMISSION = 'aws_lambda_permission';

/** The first of `names` that is set (see isSet), or the first that may be, or none. */
function bound(body: JsonObject, names: readonly string[]): Answer<string> | undefined {
  const answers = names.map((name) => isSet(stringAttr(body, name), name));
  const yes = answers.find((a): a is Known<boolean> => a.state === 'known' && a.value);
  if (yes) return known(yes.why ?? '');
  return answers.find((a) => a.state === 'unknown');
}

export const lambdaPermissionRestricted = defineRule({
  id: 'lambda-permission-restricted',
  title: 'Lambda permissions do not grant invoke to everyone, and grant AWS services only for a named source',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: [PERMISSION],
  rationale:
    'principal = "*" lets any AWS account (and, for function URLs, anyone) invoke the function. A service ' +
    'principal such as s3.amazonaws.com or sns.amazonaws.com without source_arn or source_account lets that ' +
    "service invoke the function on behalf of any customer: another account's bucket or topic can trigger it " +
    '(the confused deputy problem). "*" is accepted only when source_account, source_arn or principal_org_id ' +
    'bounds it to known accounts.',
  fix:
    'Name the caller: an account ID or role ARN as principal, or a service principal with source_arn = the ' +
    'bucket, topic, rule or API ARN that should invoke it (and source_account for S3).',
  references: {
    checkov: ['CKV_AWS_301', 'CKV_AWS_364'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_301',
        kind: 'looser',
        why: 'principal "*" is accepted with source_account, source_arn or principal_org_id, which add a condition that only known accounts meet.',
      },
    ],
    docs: [
      'https://docs.aws.amazon.com/lambda/latest/dg/permissions-function-services.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html',
    ],
  },
  examples: {
    failing: {
      resourceType: PERMISSION,
      body: { action: 'lambda:InvokeFunction', function_name: '${aws_lambda_function.api.function_name}', principal: 's3.amazonaws.com' },
    },
    passing: {
      resourceType: PERMISSION,
      body: {
        action: 'lambda:InvokeFunction',
        function_name: '${aws_lambda_function.api.function_name}',
        principal: 's3.amazonaws.com',
        source_arn: '${aws_s3_bucket.uploads.arn}',
        source_account: '111122223333',
      },
    },
  },
  check(resource) {
    const principal = stringAttr(resource.body, 'principal');
    if (principal.state === 'unknown') return unknownValue('principal', principal);
    if (principal.state === 'absent') return violation('principal is not set', 'principal');
    const who = principal.value.trim();
    const isService = /\.amazonaws\.com(?:\.cn)?$/i.test(who);
    if (who !== '*' && !isService) return pass(`principal ${who} is a named account or role`, 'principal');
    const bounds = bound(resource.body, who === '*' ? ['source_account', 'source_arn', 'principal_org_id'] : ['source_arn', 'source_account']);
    const what = who === '*' ? 'principal "*" (everyone)' : `service principal ${who}`;
    if (bounds?.state === 'known') return pass(`${what} is bounded by ${bounds.value}`, bounds.value);
    if (bounds?.state === 'unknown') return unknown(`${what}: whether it is bounded depends on ${bounds.expression}, which may be empty`, bounds.attribute);
    const missing = who === '*' ? 'source_account, source_arn or principal_org_id' : 'source_arn or source_account';
    return violation(`${what} may invoke the function with no ${missing}`, 'principal');
  },
});
