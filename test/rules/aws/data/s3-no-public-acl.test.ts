import { s3NoPublicAcl as rule } from '../../../../rules/aws/data/s3-no-public-acl';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const ACL = 'aws_s3_bucket_acl';
const grantTo = (grantee: Record<string, unknown>, permission = 'READ') => ({
  bucket: '${aws_s3_bucket.b.id}',
  access_control_policy: { owner: { id: 'owner' }, grant: [{ grantee, permission }] },
});

describe('s3-no-public-acl', () => {
  describe('aws_s3_bucket_acl', () => {
    it.each(['public-read', 'public-read-write', 'authenticated-read'])('fires for acl = %s', (acl) => {
      expect(kinds(findingsFor(rule, ACL, { bucket: '${aws_s3_bucket.b.id}', acl }))).toEqual(['violation']);
    });

    it('fires for grants to AllUsers or AuthenticatedUsers', () => {
      expect(kinds(findingsFor(rule, ACL, grantTo({ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' })))).toEqual(['violation']);
      expect(
        kinds(findingsFor(rule, ACL, grantTo({ type: 'Group', uri: 'https://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, 'FULL_CONTROL'))),
      ).toEqual(['violation']);
    });

    it('is quiet for private ACLs and grants to specific grantees or the log-delivery group', () => {
      expect(findingsFor(rule, ACL, { bucket: '${aws_s3_bucket.b.id}', acl: 'private' })).toEqual([]);
      expect(findingsFor(rule, ACL, grantTo({ type: 'CanonicalUser', id: 'abc' }))).toEqual([]);
      expect(findingsFor(rule, ACL, grantTo({ type: 'Group', uri: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, 'WRITE'))).toEqual([]);
    });

    it('is unknown for an expression acl or grantee uri', () => {
      expect(kinds(findingsFor(rule, ACL, { bucket: '${aws_s3_bucket.b.id}', acl: '${var.acl}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, ACL, grantTo({ type: 'Group', uri: '${var.group}' })))).toEqual(['unknown']);
    });

    it('reads grants written with dynamic blocks', () => {
      const body = {
        bucket: '${aws_s3_bucket.b.id}',
        access_control_policy: {
          owner: { id: 'owner' },
          dynamic: {
            grant: {
              for_each: '${var.grants}',
              content: { grantee: { type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers' }, permission: 'READ' },
            },
          },
        },
      };
      expect(kinds(findingsFor(rule, ACL, body))).toEqual(['violation']);
    });
  });

  describe('aws_s3_bucket (deprecated inline acl and grant)', () => {
    it('fires for a public canned ACL or a public grant', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', acl: 'public-read' }))).toEqual(['violation']);
      expect(
        kinds(
          findingsFor(rule, 'aws_s3_bucket', {
            bucket: 'b',
            grant: [{ type: 'Group', uri: 'http://acs.amazonaws.com/groups/global/AllUsers', permissions: ['READ'] }],
          }),
        ),
      ).toEqual(['violation']);
    });

    it('is quiet without an ACL, or with a private one', () => {
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' })).toEqual([]);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', acl: 'private' })).toEqual([]);
    });

    it('is unknown for an expression acl', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', acl: '${var.acl}' }))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
