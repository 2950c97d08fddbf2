import { efsPolicyNotPublic as rule } from '../../../../rules/aws/datastores/efs-policy-not-public';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { policyJson } from '../policy/helpers';

const T = 'aws_efs_file_system_policy';
const OPEN = { Effect: 'Allow', Principal: { AWS: '*' }, Action: 'elasticfilesystem:ClientMount', Resource: '*' };

describe('efs-policy-not-public', () => {
  itHonoursItsExamples(rule);
  it('fires for Principal "*", even when limited to mount targets', () => {
    expect(kinds(findingsFor(rule, T, { policy: policyJson([OPEN]) }))).toEqual(['violation']);
    const viaMount = { ...OPEN, Condition: { Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' } } };
    expect(kinds(findingsFor(rule, T, { policy: policyJson([viaMount]) }))).toEqual(['violation']);
  });
  it('is quiet with named principals or an account condition, and for a Deny to "*"', () => {
    expect(findingsFor(rule, T, { policy: policyJson([{ ...OPEN, Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333' } } }]) })).toEqual([]);
    const deny = { Effect: 'Deny', Principal: { AWS: '*' }, Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    expect(findingsFor(rule, T, { policy: policyJson([deny]) })).toEqual([]);
  });
  it('is unknown for a policy from a function', () => expect(kinds(findingsFor(rule, T, { policy: '${jsonencode(local.p)}' }))).toEqual(['unknown']));
});
