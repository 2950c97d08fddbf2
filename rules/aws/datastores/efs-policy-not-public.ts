/** No EFS file system policy lets every AWS account mount or write a file system. */
import { defineRule } from '../../../engine/rule';
import { ACCOUNT_BOUNDING_KEYS } from '../policy';
import { policyNotOpen } from './common';

export const efsPolicyNotPublic = defineRule({
  id: 'efs-policy-not-public',
  title: 'EFS file system policies do not allow Principal "*" without an account-limiting condition',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_efs_file_system_policy'],
  rationale:
    'A file system policy statement that allows Principal "*" grants elasticfilesystem:ClientMount / ' +
    'ClientWrite / ClientRootAccess to principals of any account that has a network path to a mount target ' +
    '(a peered VPC, a shared subnet, a Transit Gateway attachment), so IAM stops being a control on the data. ' +
    `A condition on one of ${ACCOUNT_BOUNDING_KEYS.join(', ')} keeps it to known accounts; ` +
    'elasticfilesystem:AccessedViaMountTarget or aws:SecureTransport alone do not say whose request it is. ' +
    'Strict: without any file system policy EFS already lets every client with network access mount it, so ' +
    'such a statement mostly spells out the default; the rule asks that a written policy be narrower.',
  fix:
    "Name the roles that mount the file system in the statement's Principal, or add a condition such as " +
    '`StringEquals: { "aws:PrincipalAccount": "<account id>" }`; keep the aws:SecureTransport deny.',
  references: {
    docs: ['https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_efs_file_system_policy',
      body: {
        file_system_id: '${aws_efs_file_system.shared.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'], Resource: '*' }],
        }),
      },
    },
    passing: {
      resourceType: 'aws_efs_file_system_policy',
      body: {
        file_system_id: '${aws_efs_file_system.shared.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { AWS: 'arn:aws:iam::111122223333:role/app' },
              Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
              Resource: '*',
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    return policyNotOpen(resource, context, 'policy', 'no policy');
  },
});
