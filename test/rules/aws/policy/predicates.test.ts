import {
  allowsAnyoneUnrestricted,
  appliesToAnyone,
  coversAllResources,
  forbidStatements,
  includesAction,
  includesAllActions,
  isAllActionsPattern,
  isAllResourcesPattern,
  isAllow,
  isServiceWidePattern,
  principalIsAnyone,
  readPolicy,
  restrictedByCondition,
  type PolicyStatement,
} from '../../../../rules/aws/policy';
import { and, maybe, NO, not, or, YES, type Answer } from '../../../../engine/values';
import { contextOf, policyJson, policyText } from './helpers';

const ctx = contextOf();
function statement(s: Record<string, unknown>): PolicyStatement {
  const read = readPolicy(policyJson(s), ctx);
  if (read.state !== 'known') throw new Error('unreadable');
  return read.statements[0];
}
const state = (t: Answer) => (t.state === 'known' ? t.value : 'unknown');

describe('three-valued logic', () => {
  it('lets false win and, true win or, and keeps unknown otherwise', () => {
    expect(and(YES, maybe('x'), NO)).toBe(NO);
    expect(and(YES, maybe('x'))).toEqual(maybe('x'));
    expect(or(NO, maybe('x'), YES)).toBe(YES);
    expect(or(NO, maybe('x'))).toEqual(maybe('x'));
    expect(not(maybe('x'))).toEqual(maybe('x'));
    expect(and()).toBe(YES);
    expect(or()).toBe(NO);
  });
});

describe('includesAction', () => {
  it.each([
    ['iam:PassRole', true],
    ['iam:passrole', true],
    ['iam:Pass*', true],
    ['iam:*', true],
    ['*', true],
    ['iam:GetRole', false],
    ['s3:*', false],
  ])('Action %s → %s for iam:PassRole', (action, expected) => {
    expect(state(includesAction(statement({ Effect: 'Allow', Action: action, Resource: '*' }), 'iam:PassRole'))).toBe(expected);
  });

  it('reads NotAction as "everything not listed"', () => {
    expect(state(includesAction(statement({ Effect: 'Allow', NotAction: 's3:*', Resource: '*' }), 'iam:PassRole'))).toBe(true);
    expect(state(includesAction(statement({ Effect: 'Allow', NotAction: ['iam:*'], Resource: '*' }), 'iam:PassRole'))).toBe(false);
    expect(state(includesAction(statement({ Effect: 'Allow', NotAction: '${var.x}', Resource: '*' }), 'iam:PassRole'))).toBe('unknown');
  });

  it('judges expressions by their worst case', () => {
    expect(state(includesAction(statement({ Effect: 'Allow', Action: '${var.a}', Resource: '*' }), 'iam:PassRole'))).toBe('unknown');
    expect(state(includesAction(statement({ Effect: 'Allow', Action: 'iam:${var.a}', Resource: '*' }), 'iam:PassRole'))).toBe('unknown');
    expect(state(includesAction(statement({ Effect: 'Allow', Action: 's3:${var.a}', Resource: '*' }), 'iam:PassRole'))).toBe(false);
  });
});

describe('includesAllActions / coversAllResources', () => {
  it('recognises * and *:* but not NotAction or service wildcards', () => {
    expect(state(includesAllActions(statement({ Effect: 'Allow', Action: '*', Resource: '*' })))).toBe(true);
    expect(state(includesAllActions(statement({ Effect: 'Allow', Action: ['s3:GetObject', '*:*'], Resource: '*' })))).toBe(true);
    expect(state(includesAllActions(statement({ Effect: 'Allow', Action: 's3:*', Resource: '*' })))).toBe(false);
    expect(state(includesAllActions(statement({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' })))).toBe(false);
  });

  it('recognises every spelling of "all resources", and NotResource', () => {
    for (const r of ['*', 'arn:aws:*', 'arn:*:*:*:*:*', 'arn:aws-cn:*']) expect(isAllResourcesPattern(r)).toBe(true);
    for (const r of ['arn:aws:s3:::*', 'arn:aws:iam::*:role/*', 'x']) expect(isAllResourcesPattern(r)).toBe(false);
    expect(state(coversAllResources(statement({ Effect: 'Allow', Action: '*', NotResource: 'arn:aws:s3:::b' })))).toBe(true);
    expect(state(coversAllResources(statement({ Effect: 'Allow', Action: '*', Resource: '${aws_s3_bucket.b.arn}' })))).toBe(false);
    expect(state(coversAllResources(statement({ Effect: 'Allow', Action: '*', Resource: '${var.r}' })))).toBe('unknown');
  });
});

describe('principals', () => {
  it('recognises "*", {"AWS": "*"} and NotPrincipal as anyone', () => {
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: '*' })))).toBe(true);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: '*' } })))).toBe(true);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } })))).toBe(true);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })))).toBe(true);
    expect(state(principalIsAnyone(statement({ Effect: 'Deny', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })))).toBe(false);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { Service: '*' } })))).toBe(false);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' } })))).toBe(false);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: '${aws_iam_role.r.arn}' } })))).toBe(false);
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: '${var.p}' } })))).toBe('unknown');
    expect(state(appliesToAnyone(statement({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::${var.account}:root' } })))).toBe(false);
  });
});

describe('restrictedByCondition', () => {
  const cond = (Condition: unknown) => state(restrictedByCondition(statement({ Effect: 'Allow', Principal: '*', Condition })));

  it('counts positive operators on account-bounding keys', () => {
    expect(cond({ StringEquals: { 'aws:PrincipalOrgID': 'o-123' } })).toBe(true);
    expect(cond({ StringEquals: { 'kms:CallerAccount': '111122223333' } })).toBe(true);
    expect(cond({ 'ForAnyValue:StringLike': { 'aws:PrincipalOrgPaths': 'o-123/r-ab/*' } })).toBe(true);
    expect(cond({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::111122223333:role/app-*' } })).toBe(true);
    expect(cond({ StringEquals: { 'aws:SourceVpce': '${aws_vpc_endpoint.s3.id}' } })).toBe(true);
    expect(cond({ StringEquals: { 'aws:principalorgid': '${var.org}' } })).toBe(true);
  });

  it('does not count other keys, weak operators or wildcard values', () => {
    expect(cond({ StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } })).toBe(false);
    expect(cond({ StringEquals: { 'sts:ExternalId': 'abc' } })).toBe(false);
    expect(cond({ StringEqualsIfExists: { 'aws:PrincipalAccount': '111122223333' } })).toBe(false);
    expect(cond({ StringNotEquals: { 'aws:PrincipalAccount': '111122223333' } })).toBe(false);
    expect(cond({ 'ForAllValues:StringEquals': { 'aws:PrincipalOrgID': 'o-1' } })).toBe(false);
    expect(cond({ StringLike: { 'aws:PrincipalOrgID': '*' } })).toBe(false);
    expect(cond({ StringLike: { 'aws:PrincipalOrgID': ['o-123', 'o-*'] } })).toBe(false);
    expect(cond({ ArnLike: { 'aws:PrincipalArn': 'arn:aws:iam::*:role/admin' } })).toBe(false);
    expect(cond(undefined)).toBe(false);
  });

  it('is unknown when the key, operator or a Like value is an expression', () => {
    expect(cond({ StringEquals: { '${var.key}': 'x' } })).toBe('unknown');
    expect(cond({ '${var.op}': { 'aws:PrincipalOrgID': 'o-1' } })).toBe('unknown');
    expect(cond({ StringLike: { 'aws:PrincipalOrgID': '${var.org}' } })).toBe('unknown');
    expect(cond({ StringEquals: { 'kms:ViaService': 'x' }, Bool: { 'aws:SecureTransport': 'true' } })).toBe(false);
  });

  it('combines into allowsAnyoneUnrestricted', () => {
    expect(state(allowsAnyoneUnrestricted(statement({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*' })))).toBe(true);
    expect(state(allowsAnyoneUnrestricted(statement({ Effect: 'Deny', Principal: '*', Action: 'kms:*', Resource: '*' })))).toBe(false);
    expect(
      state(
        allowsAnyoneUnrestricted(
          statement({ Effect: 'Allow', Principal: '*', Action: 'kms:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } }),
        ),
      ),
    ).toBe(false);
    expect(state(allowsAnyoneUnrestricted(statement({ Effect: '${var.e}', Principal: '*', Action: 'kms:*', Resource: '*' })))).toBe('unknown');
  });
});

// Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
describe('edges', () => {
  /** A statement read from policy text as written, for whole-value expressions (`"Principal": ${var.p}`) JSON.stringify cannot write. */
  const raw = (text: string): PolicyStatement => {
    const read = readPolicy(policyText(text), ctx);
    if (read.state !== 'known') throw new Error(`unreadable: ${JSON.stringify(read)}`);
    return read.statements[0];
  };
  const cond = (Condition: unknown) => state(restrictedByCondition(statement({ Effect: 'Allow', Principal: '*', Condition })));

  it('says a missing Effect is missing', () => {
    expect(isAllow(statement({ Principal: '*', Action: '*' }))).toEqual(maybe('Effect is missing'));
  });

  it('reads "every action" and "every action of a service" exactly', () => {
    for (const a of ['*', '**', '*:*', '**:**']) expect([a, isAllActionsPattern(a)]).toEqual([a, true]);
    for (const a of ['*:*x', '*x', 's3:*', '*:']) expect([a, isAllActionsPattern(a)]).toEqual([a, false]);
    for (const a of ['s3:*', 'ec2-instance-connect:**']) expect([a, isServiceWidePattern(a)]).toEqual([a, true]);
    for (const a of ['*s3:*', 's3:*Get', '*', 's3:Get*']) expect([a, isServiceWidePattern(a)]).toEqual([a, false]);
  });

  it('reads NotAction for an action when Action is absent', () => {
    expect(state(includesAction(statement({ Effect: 'Allow', NotAction: 'ec2:*', Resource: '*' }), 's3:GetObject'))).toBe(true);
    expect(state(includesAction(statement({ Effect: 'Allow', Resource: '*' }), 's3:GetObject'))).toBe(false);
  });

  it('names the principal type of an identifier that is an expression', () => {
    expect(principalIsAnyone(statement({ Effect: 'Allow', Principal: { AWS: '${var.who}' } }))).toEqual(maybe('Principal.AWS "${var.who}"'));
    expect(state(principalIsAnyone(statement({ Effect: 'Allow', Principal: { AWS: ' * ' } })))).toBe(true);
  });

  it('is "anyone" only through Principal: absent, beside NotPrincipal, or a whole expression', () => {
    expect(state(principalIsAnyone(statement({ Effect: 'Allow', Action: '*' })))).toBe(false);
    expect(state(principalIsAnyone(statement({ Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } })))).toBe(false);
    expect(state(principalIsAnyone(raw('{"Effect": "Allow", "Principal": ${var.p}, "Action": "*"}')))).toBe('unknown');
  });

  it('reads Like values: bare wildcards and wildcards in the account never restrict; a fixed account does, whatever the partition', () => {
    expect(cond({ StringLike: { 'aws:PrincipalOrgID': '**' } })).toBe(false);
    expect(cond({ StringLike: { 'aws:PrincipalOrgID': '' } })).toBe(false);
    expect(cond({ ArnLike: { 'aws:PrincipalArn': 'arn:*:iam::111122223333:role/x' } })).toBe(true);
    // Account-less ARNs (S3): a wildcard anywhere after the service may match anyone's bucket.
    expect(cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket' } })).toBe(true);
    expect(cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-bucket/*' } })).toBe(false);
    expect(cond({ ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::my-*' } })).toBe(false);
    expect(cond({ ArnLike: { 'aws:SourceArn': 'arn:*:s3:::my-bucket' } })).toBe(true);
  });

  it('reads condition values: none restrict nothing, a whole expression is unknown; a whole Condition expression too', () => {
    expect(cond({ StringEquals: { 'aws:PrincipalAccount': [] } })).toBe(false);
    // A data source's condition block without values.
    const statementOf = { effect: 'Allow', principals: [{ type: '*', identifiers: ['*'] }], actions: ['*'], resources: ['*'] };
    const noValues = { ...statementOf, condition: [{ test: 'StringEquals', variable: 'aws:PrincipalAccount' }] };
    const context = contextOf({ data: { aws_iam_policy_document: { d: { statement: [noValues] } } } });
    const read = readPolicy('${data.aws_iam_policy_document.d.json}', context);
    expect(read.state === 'known' && state(restrictedByCondition(read.statements[0]))).toBe(false);
    expect(
      state(restrictedByCondition(raw('{"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:PrincipalAccount": ${var.accounts}}}}'))),
    ).toBe('unknown');
    expect(state(restrictedByCondition(raw('{"Effect": "Allow", "Principal": "*", "Condition": ${var.condition}}')))).toBe('unknown');
  });
});

describe('forbidStatements', () => {
  const test = (s: PolicyStatement) => and(includesAllActions(s), coversAllResources(s));

  it('reports each offending statement, unknowns, and passes otherwise', () => {
    const read = readPolicy(
      policyJson([
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Allow', Action: '${var.a}', Resource: '*' },
        { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      ]),
      ctx,
    );
    expect(forbidStatements(read, 'policy', test, 'is admin').map((r) => r.status)).toEqual(['violation', 'unknown']);
    const fine = readPolicy(policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), ctx);
    expect(forbidStatements(fine, 'policy', test, 'is admin').map((r) => r.status)).toEqual(['pass']);
  });

  it('is unknown when statements cannot be seen or the policy cannot be read', () => {
    const unseen = readPolicy('{"Statement":[${local.s}]}', ctx);
    expect(forbidStatements(unseen, 'policy', test, 'is admin').map((r) => r.status)).toEqual(['unknown']);
    expect(forbidStatements(readPolicy('${var.p}', ctx), 'policy', test, 'is admin').map((r) => r.status)).toEqual(['unknown']);
    expect(forbidStatements(readPolicy(undefined, ctx), 'policy', test, 'is admin')).toEqual([]);
  });
});
