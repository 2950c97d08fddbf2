import {
  allowsAnyoneUnrestricted,
  appliesToAnyone,
  coversAllResources,
  forbidStatements,
  includesAction,
  includesAllActions,
  isAllResourcesPattern,
  principalIsAnyone,
  readPolicy,
  restrictedByCondition,
  type PolicyStatement,
} from '../../../../rules/aws/policy';
import { and, maybe, NO, not, or, YES, type Answer } from '../../../../engine/values';
import { contextOf, policyJson } from './helpers';

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
