import { s3TlsOnly as rule } from '../../../../rules/aws/data/s3-tls-only';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { docRef, exampleFindings, policyJson } from '../policy/helpers';

const P = 'aws_s3_bucket_policy';
const BUCKET = { resource: { aws_s3_bucket: { b: { bucket: 'my-bucket' } } } };
const denyHttp = (overrides: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...overrides,
});
const policy = (statement: unknown, bucket = '${aws_s3_bucket.b.id}') => ({ bucket, policy: policyJson(statement) });
const check = (body: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  findingsFor(rule, P, body, { ...BUCKET, ...extra, resource: { ...BUCKET.resource, ...((extra.resource as object) ?? {}) } });

describe('s3-tls-only', () => {
  describe('aws_s3_bucket_policy with literal JSON', () => {
    it('is quiet for a Deny of s3:* to "*" on the bucket and its objects when SecureTransport is false', () => {
      expect(check(policy([denyHttp()]))).toEqual([]);
      // Statement as an object, Action as a list, "*" for Action, {"AWS": "*"}, a boolean false, BoolIfExists.
      expect(check(policy(denyHttp({ Action: ['*'], Principal: { AWS: '*' }, Condition: { BoolIfExists: { 'aws:SecureTransport': false } } })))).toEqual([]);
    });

    it('accepts the bucket and its objects covered by two statements', () => {
      expect(check(policy([denyHttp({ Resource: '${aws_s3_bucket.b.arn}' }), denyHttp({ Resource: '${aws_s3_bucket.b.arn}/*' })]))).toEqual([]);
    });

    it('accepts literal ARNs of the named bucket, and partition / name references', () => {
      expect(check(policy([denyHttp({ Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] })]))).toEqual([]);
      const refs = [
        'arn:${data.aws_partition.current.partition}:s3:::${aws_s3_bucket.b.id}',
        'arn:${data.aws_partition.current.partition}:s3:::${aws_s3_bucket.b.bucket}/*',
      ];
      expect(check(policy([denyHttp({ Resource: refs })]))).toEqual([]);
      expect(check(policy([denyHttp({ Resource: ['arn:aws:s3:::my-*'] })]))).toEqual([]);
      // Other partitions' ARNs (China, GovCloud) name the same bucket; another bucket's do not.
      expect(check(policy([denyHttp({ Resource: ['arn:aws-cn:s3:::my-bucket', 'arn:aws-us-gov:s3:::my-bucket/*'] })]))).toEqual([]);
      expect(kinds(check(policy([denyHttp({ Resource: ['arn:aws-cn:s3:::other', 'arn:aws-us-gov:s3:::other/*'] })])))).toEqual(['violation']);
    });

    it('fires once per policy when there is no TLS deny at all, naming both parts', () => {
      const allowOnly = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '${aws_s3_bucket.b.arn}/*' };
      const found = check(policy([allowOnly]));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toBe(
        'policy has no Deny of s3:* for Principal "*" when aws:SecureTransport is false that covers the bucket, nor one that covers its objects',
      );
    });

    it('fires for the part the deny does not cover', () => {
      const found = check(policy([denyHttp({ Resource: '${aws_s3_bucket.b.arn}' })]));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('its objects');
    });

    it.each([
      ['an Allow instead of a Deny', { Effect: 'Allow' }],
      ['a deny for one principal only', { Principal: { AWS: 'arn:aws:iam::111122223333:root' } }],
      ['a NotPrincipal deny (exempts someone)', { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }],
      ['only some S3 actions', { Action: ['s3:GetObject', 's3:PutObject'] }],
      ['the condition value true', { Condition: { Bool: { 'aws:SecureTransport': 'true' } } }],
      ['another condition key', { Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } }],
      ['no condition (denies everything)', { Condition: undefined }],
      ['another bucket', { Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] }],
      ["another bucket's reference", { Resource: ['${aws_s3_bucket.other.arn}', '${aws_s3_bucket.other.arn}/*'] }],
    ])('fires for %s', (_, overrides) => {
      expect(kinds(check(policy([denyHttp(overrides)])))).toEqual(['violation']);
    });

    it('is unknown when a field that decides it is an expression', () => {
      expect(kinds(check(policy([denyHttp({ Action: '${var.action}' })])))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Resource: ['${var.arn}'] })])))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': '${var.v}' } } })])))).toEqual(['unknown']);
      // A part certainly uncovered wins over a part that cannot be told.
      expect(kinds(check(policy([denyHttp({ Resource: ['${aws_s3_bucket.b.arn}', '${var.arn}'] })])))).toEqual(['unknown']);
      expect(
        kinds(check(policy([denyHttp({ Resource: '${aws_s3_bucket.b.arn}' }), denyHttp({ Resource: '${aws_s3_bucket.b.arn}/*', Action: '${var.a}' })]))),
      ).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Resource: '${aws_s3_bucket.b.arn}/*', Action: '${var.a}' })])))).toEqual(['violation']);
    });

    it('is unknown for a policy built by a function, and when its bucket cannot be resolved', () => {
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: '${jsonencode({Statement = []})}' }))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Resource: ['arn:aws:s3:::x', 'arn:aws:s3:::x/*'] })], '${var.bucket}')))).toEqual(['unknown']);
    });

    it('fires when the policy is missing', () => {
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}' }))).toEqual(['violation']);
    });
  });

  describe('aws_s3_bucket_policy with a policy document data source', () => {
    const doc = (statement: Record<string, unknown>) => ({
      data: { aws_iam_policy_document: { tls: { statement: [statement] } } },
    });
    const goodStatement = {
      effect: 'Deny',
      principals: [{ type: '*', identifiers: ['*'] }],
      actions: ['s3:*'],
      resources: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    };

    it('is quiet for a good document', () => {
      expect(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, doc(goodStatement))).toEqual([]);
      expect(
        check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, doc({ ...goodStatement, principals: { type: 'AWS', identifiers: ['*'] } })),
      ).toEqual([]);
    });

    it('fires for a document without the deny', () => {
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, doc({ ...goodStatement, effect: 'Allow' })))).toEqual(['violation']);
    });

    it('is unknown when the document has an expression where it matters, or is dynamic', () => {
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, doc({ ...goodStatement, effect: '${var.effect}' })))).toEqual(['unknown']);
      const dynamicDoc = { data: { aws_iam_policy_document: { tls: { dynamic: { statement: { for_each: '${var.x}', content: goodStatement } } } } } };
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, dynamicDoc))).toEqual(['unknown']);
    });

    it('is unknown when the document is not in the stack', () => {
      expect(kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('elsewhere') }))).toEqual(['unknown']);
    });
  });

  describe('aws_s3_bucket', () => {
    it('fires for a bucket without a bucket policy', () => {
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }))).toEqual(['violation']);
    });

    it('is quiet with a bucket policy that references it (its content is checked there)', () => {
      const others = { resource: { [P]: { p: { bucket: '${aws_s3_bucket.subject.id}', policy: policyJson([]) } } } };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others)).toEqual([]);
    });

    it('is unknown when a bucket policy may be for it', () => {
      const others = { resource: { [P]: { p: { bucket: '${var.b}', policy: policyJson([]) } } } };
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' }, others))).toEqual(['unknown']);
    });

    it('reads the deprecated inline policy', () => {
      const inline = policyJson([denyHttp({ Resource: ['${aws_s3_bucket.subject.arn}', '${aws_s3_bucket.subject.arn}/*'] })]);
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: inline })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: policyJson([]) }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: '${var.policy}' }))).toEqual(['unknown']);
    });
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });

  describe('a bucket served as an S3 website endpoint (corpus: s3-static-website, serverless-posts)', () => {
    // new S3Bucket(this, 'www', { bucketPrefix: 'www-example-' });
    // new S3BucketWebsiteConfiguration(this, 'www-website', { bucket: bucket.bucket, indexDocument: { suffix: 'index.html' } });
    // new S3BucketPolicy(this, 'www-policy', { bucket: bucket.id, policy: JSON.stringify({ … PublicReadGetObject … }) });
    const publicRead = { Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '${aws_s3_bucket.www.arn}/*' };
    const site = (website: Record<string, unknown> = { bucket: '${aws_s3_bucket.www.bucket}', index_document: { suffix: 'index.html' } }) => ({
      resource: { aws_s3_bucket: { www: { bucket_prefix: 'www-example-' } }, aws_s3_bucket_website_configuration: { 'www-website': website } },
    });
    const sitePolicy = { bucket: '${aws_s3_bucket.www.id}', policy: policyJson([publicRead]) };

    it('is not applicable to its policy, and says why: the website endpoint speaks HTTP only', () => {
      expect(findingsFor(rule, P, sitePolicy, site())).toEqual([]);
      const all = findings(rule, { resource: { ...site().resource, [P]: { 'www-policy': sitePolicy } } });
      expect(all).toEqual([]);
    });

    it('is not applicable to the bucket either, with or without a policy, and through the legacy website block', () => {
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'www', website: { index_document: 'index.html' } })).toEqual([]);
      const others = {
        resource: { aws_s3_bucket_website_configuration: { w: { bucket: '${aws_s3_bucket.subject.id}', index_document: { suffix: 'index.html' } } } },
      };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'www' }, others)).toEqual([]);
      const byName = { resource: { aws_s3_bucket_website_configuration: { w: { bucket: 'www', index_document: { suffix: 'index.html' } } } } };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'www' }, byName)).toEqual([]);
    });

    it('still fires for a bucket that is not a website endpoint, or whose website configuration names another bucket', () => {
      expect(kinds(findingsFor(rule, P, { ...sitePolicy }, site({ bucket: '${aws_s3_bucket.other.bucket}' })))).toEqual(['violation']);
      expect(
        kinds(findingsFor(rule, 'aws_s3_bucket', { bucket: 'www', dynamic: { website: { for_each: [], content: { index_document: 'index.html' } } } })),
      ).toEqual(['violation']);
    });

    it('is unknown, not a violation, when a website configuration may point at the bucket', () => {
      const found = findingsFor(rule, P, sitePolicy, site({ bucket: '${var.site_bucket}' }));
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/whether it is a website endpoint/);
      expect(
        kinds(
          findingsFor(rule, 'aws_s3_bucket', { bucket: 'www', dynamic: { website: { for_each: '${var.sites}', content: { index_document: 'index.html' } } } }),
        ),
      ).toEqual(['unknown']);
    });
  });

  // Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
  describe('edges', () => {
    const doc = (statement: Record<string, unknown>, more: Record<string, unknown> = {}) => ({
      data: { aws_iam_policy_document: { tls: { statement: [statement], ...more } } },
    });
    const good = {
      effect: 'Deny',
      principals: [{ type: '*', identifiers: ['*'] }],
      actions: ['s3:*'],
      resources: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] }],
    };
    const viaDoc = (statement: Record<string, unknown>, more?: Record<string, unknown>) =>
      kinds(check({ bucket: '${aws_s3_bucket.b.id}', policy: docRef('tls') }, doc(statement, more)));

    it('reads a policy whose bucket is a literal name, and finds the aws_s3_bucket of that name', () => {
      const arns = { Resource: ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*'] };
      expect(check(policy([denyHttp(arns)], 'my-bucket'))).toEqual([]);
      // References to the bucket of that name resolve to its ARN.
      expect(check(policy([denyHttp()], 'my-bucket'))).toEqual([]);
      expect(kinds(check(policy([denyHttp({ Resource: ['arn:aws:s3:::other', 'arn:aws:s3:::other/*'] })], 'my-bucket')))).toEqual(['violation']);
      // The bucket of that name, not the first bucket of the stack.
      const two = { resource: { aws_s3_bucket: { a: { bucket: 'other' }, b: { bucket: 'my-bucket' } } } };
      expect(check(policy([denyHttp()], 'my-bucket'), two)).toEqual([]);
      // A bucket of that name served as a website endpoint: not applicable.
      const website = { resource: { aws_s3_bucket_website_configuration: { w: { bucket: 'my-bucket', index_document: { suffix: 'i.html' } } } } };
      expect(check(policy([]), website)).toEqual([]);
      expect(check(policy([], 'my-bucket'), website)).toEqual([]);
    });

    it('is unknown when the policy names no bucket, or not as a string, and says so', () => {
      const arns = { Resource: ['arn:aws:s3:::x', 'arn:aws:s3:::x/*'] };
      const missing = check({ policy: policyJson([denyHttp(arns)]) });
      expect(kinds(missing)).toEqual(['unknown']);
      expect(missing[0].message).toContain("the policy's bucket is null");
      expect(check(policy([denyHttp(arns)], 42 as unknown as string))[0].message).toContain("the policy's bucket is 42");
    });

    it('passes a policy that denies plain HTTP while a website configuration may point at the bucket', () => {
      const maybeSite = { resource: { aws_s3_bucket_website_configuration: { w: { bucket: '${var.site}', index_document: { suffix: 'i.html' } } } } };
      expect(check(policy([denyHttp()]), maybeSite)).toEqual([]);
      expect(kinds(check(policy([]), maybeSite))).toEqual(['unknown']);
    });

    it('lets a separate aws_s3_bucket_policy decide over the deprecated inline policy', () => {
      const others = { resource: { [P]: { p: { bucket: '${aws_s3_bucket.subject.id}', policy: policyJson([]) } } } };
      expect(findingsFor(rule, 'aws_s3_bucket', { bucket: 'b', policy: policyJson([]) }, others)).toEqual([]);
      const found = findingsFor(rule, 'aws_s3_bucket', { bucket: 'b' });
      expect(found[0].message).toContain(P);
    });

    it('reads Action exactly: s3:* with any number of stars, no other service, no narrower action', () => {
      expect(check(policy([denyHttp({ Action: 's3:**' })]))).toEqual([]);
      expect(check(policy([denyHttp({ Action: 'S3:*' })]))).toEqual([]);
      expect(kinds(check(policy([denyHttp({ Action: 'xs3:*' })])))).toEqual(['violation']);
      expect(kinds(check(policy([denyHttp({ Action: 's3:*Object' })])))).toEqual(['violation']);
    });

    it('reads NotAction: a Deny of everything but actions of other services denies every S3 action', () => {
      expect(check(policy([denyHttp({ Action: undefined, NotAction: ['iam:*', 'ec2:Describe*'] })]))).toEqual([]);
      expect(check(policy([denyHttp({ Action: undefined, NotAction: 'nots3:Get*' })]))).toEqual([]);
      // An S3 action, any action, or a service pattern that could be s3 is exempted: not every S3 action is denied.
      for (const exempt of ['s3:GetObject', 'S3:ListBucket', '*', '*:Get*', 's*:Get*', 'a*b:Get*', 'ab*:Get*', 's3?:x']) {
        expect([exempt, kinds(check(policy([denyHttp({ Action: undefined, NotAction: exempt })])))]).toEqual([exempt, ['violation']]);
      }
      expect(kinds(check(policy([denyHttp({ Action: undefined, NotAction: '${var.exempt}' })])))).toEqual(['unknown']);
      // Neither Action nor NotAction (AWS refuses such a statement): it denies nothing.
      expect(kinds(check(policy([denyHttp({ Action: undefined })])))).toEqual(['violation']);
    });

    it('reads NotResource: a Deny on everything but other ARNs covers the bucket', () => {
      expect(check(policy([denyHttp({ Resource: undefined, NotResource: 'arn:aws:s3:::other/*' })]))).toEqual([]);
      const found = check(policy([denyHttp({ Resource: undefined, NotResource: '${aws_s3_bucket.b.arn}/*' })]));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toContain('its objects');
      expect(kinds(check(policy([denyHttp({ Resource: undefined, NotResource: '${var.arn}' })])))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Resource: undefined })])))).toEqual(['violation']);
    });

    it('resolves references to the bucket and the partition with an index or spaces inside the braces', () => {
      expect(check(policy([denyHttp({ Resource: ['${aws_s3_bucket.b[0].arn}', '${aws_s3_bucket.b[10].arn}/*'] })]))).toEqual([]);
      expect(check(policy([denyHttp({ Resource: ['${aws_s3_bucket.b.arn }', 'arn:${data.aws_partition.current.partition }:s3:::my-bucket/*'] })]))).toEqual([]);
    });

    it('reads the condition value without regard to case or surrounding spaces, expressions at their worst case', () => {
      expect(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'FALSE' } } })]))).toEqual([]);
      expect(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': ' false ' } } })]))).toEqual([]);
      expect(kinds(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': ' ${var.v}' } } })])))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'FAL${var.v}' } } })])))).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Condition: { Bool: { 'aws:SecureTransport': 'tr${var.v}' } } })])))).toEqual(['violation']);
    });

    it('needs the aws:SecureTransport key itself; an expression key, operator or whole condition is unknown', () => {
      expect(kinds(check(policy([denyHttp({ Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })])))).toEqual(['violation']);
      expect(viaDoc({ ...good, condition: [{ test: '${var.test}', variable: 'aws:SecureTransport', values: ['false'] }] })).toEqual(['unknown']);
      expect(viaDoc({ ...good, condition: [{ test: 'Bool', variable: '${var.key}', values: ['false'] }] })).toEqual(['unknown']);
      expect(kinds(check(policy([denyHttp({ Condition: '${var.condition}' })])))).toEqual(['unknown']);
    });

    it('is unknown when the condition comes from a dynamic block, or a statement cannot be read', () => {
      const { condition, ...rest } = good;
      expect(viaDoc({ ...rest, dynamic: { condition: { for_each: '${var.c}', content: condition[0] } } })).toEqual(['unknown']);
      expect(viaDoc({ ...good, effect: 'Allow' }, { source_policy_documents: ['${var.more}'] })).toEqual(['unknown']);
      expect(viaDoc({ ...good, effect: 'Allow' })).toEqual(['violation']);
    });
  });
});
