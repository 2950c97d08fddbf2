import { readPolicy, type PolicyRead, type PolicyStatement } from '../../../../rules/aws/policy';
import { contextOf, docRef, policyJson } from './helpers';

function known(read: PolicyRead): { statements: readonly PolicyStatement[]; unseen: readonly string[]; origin: string } {
  if (read.state !== 'known') throw new Error(`expected a known policy, got ${JSON.stringify(read)}`);
  return read;
}

describe('readPolicy: JSON text', () => {
  const ctx = contextOf();

  it('reads Statement as an object or an array, and string-or-list fields', () => {
    const single = known(readPolicy(policyJson({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), ctx));
    expect(single.statements).toHaveLength(1);
    expect(single.statements[0].where).toBe('Statement');
    expect(single.statements[0].actions).toEqual({ state: 'known', value: ['s3:GetObject'] });

    const list = known(
      readPolicy(
        policyJson([
          { Sid: 'A', Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: ['*'] },
          { Effect: 'Deny', NotAction: 'iam:*', NotResource: 'x' },
        ]),
        ctx,
      ),
    );
    expect(list.statements.map((s) => s.where)).toEqual(['Statement[0] "A"', 'Statement[1]']);
    expect(list.statements[0].actions).toEqual({ state: 'known', value: ['s3:GetObject', 's3:PutObject'] });
    expect(list.statements[1].notActions).toEqual({ state: 'known', value: ['iam:*'] });
    expect(list.statements[1].notResources).toEqual({ state: 'known', value: ['x'] });
    expect(list.statements[1].actions).toEqual({ state: 'absent' });
  });

  it('reads Principal as "*", as {"AWS": ...} and as several types', () => {
    const read = known(
      readPolicy(
        policyJson([
          { Effect: 'Allow', Principal: '*' },
          { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'], Service: 'lambda.amazonaws.com' } },
        ]),
        ctx,
      ),
    );
    expect(read.statements[0].principals).toEqual({ state: 'known', value: [{ type: '*', identifiers: { state: 'known', value: ['*'] } }] });
    expect(read.statements[1].principals).toEqual({
      state: 'known',
      value: [
        { type: 'AWS', identifiers: { state: 'known', value: ['arn:aws:iam::111122223333:root', '*'] } },
        { type: 'Service', identifiers: { state: 'known', value: ['lambda.amazonaws.com'] } },
      ],
    });
  });

  it('reads conditions, converting booleans to strings', () => {
    const read = known(
      readPolicy(policyJson({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': false }, StringEquals: { 'aws:PrincipalOrgID': ['o-1'] } } }), ctx),
    );
    expect(read.statements[0].conditions).toEqual({
      state: 'known',
      value: [
        { operator: 'Bool', key: 'aws:SecureTransport', values: { state: 'known', value: ['false'] } },
        { operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: { state: 'known', value: ['o-1'] } },
      ],
    });
  });

  it('keeps expressions inside string values as templates, next to known fields', () => {
    const read = known(readPolicy(policyJson({ Effect: 'Allow', Action: 's3:*', Resource: ['${aws_s3_bucket.b.arn}/*', '${var.extra}'] }), ctx));
    expect(read.statements[0].actions).toEqual({ state: 'known', value: ['s3:*'] });
    expect(read.statements[0].resources).toEqual({ state: 'known', value: ['${aws_s3_bucket.b.arn}/*', '${var.extra}'] });
  });

  it('keeps escaped IAM policy variables literal', () => {
    const read = known(readPolicy(policyJson({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::home/$${aws:username}/*' }), ctx));
    expect(read.statements[0].resources).toEqual({ state: 'known', value: ['arn:aws:s3:::home/$${aws:username}/*'] });
  });

  it('treats an expression in place of a JSON value as a whole unknown value', () => {
    const text = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":${jsonencode(var.actions)},"Resource":"*"}]}';
    const read = known(readPolicy(text, ctx));
    expect(read.statements[0].actions).toEqual({ state: 'unknown', expression: '${jsonencode(var.actions)}' });
    expect(read.statements[0].resources).toEqual({ state: 'known', value: ['*'] });
  });

  it('reads quotes and backslashes around expressions as JSON does (an escaped quote does not end a string)', () => {
    const text = '{"Statement":[{"Sid":"a \\\\\\" ${var.x} \\\\","Effect":"Deny","Action":"s3:*","Resource":"${aws_s3_bucket.b.arn}"}]}';
    const read = known(readPolicy(text, ctx));
    expect(read.statements[0].sid).toBe('a \\" ${var.x} \\');
    expect(read.statements[0].resources).toEqual({ state: 'known', value: ['${aws_s3_bucket.b.arn}'] });
  });

  it('keeps a "__proto__" key a key: no statement is inherited from it, with or without expressions', () => {
    for (const resource of ['*', '${aws_s3_bucket.b.arn}']) {
      const text = `{"__proto__":{"Statement":[{"Effect":"Deny","Action":"s3:*","Resource":"*"}]},"Resource":"${resource}"}`;
      expect(known(readPolicy(text, contextOf())).statements).toEqual([]);
    }
  });

  it('counts a statement that is an expression as unseen', () => {
    const text = '{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"},${local.extra}]}';
    const read = known(readPolicy(text, ctx));
    expect(read.statements).toHaveLength(1);
    expect(read.unseen[0]).toContain('Statement[1] is ${local.extra}');
  });

  it('is unknown for a whole Statement expression, invalid JSON, directives and non-strings', () => {
    expect(readPolicy('{"Statement": ${local.statements}}', ctx).state).toBe('unknown');
    expect(readPolicy('{"Statement": [', ctx).state).toBe('unknown');
    expect(readPolicy('%{ if var.x }{}%{ endif }', ctx).state).toBe('unknown');
    expect(readPolicy({ Statement: [] }, ctx).state).toBe('unknown');
  });

  it('is unknown for whole-value expressions other than a policy document in the stack', () => {
    for (const value of ['${jsonencode({"Statement" = []})}', '${var.policy}', '${file("policy.json")}', docRef('missing')]) {
      const read = readPolicy(value, ctx);
      expect(read.state).toBe('unknown');
    }
    const missing = readPolicy(docRef('missing'), ctx);
    expect(missing.state === 'unknown' && missing.reason).toContain('not in this stack');
  });

  it('is absent for no value or a blank string', () => {
    expect(readPolicy(undefined, ctx).state).toBe('absent');
    expect(readPolicy(null, ctx).state).toBe('absent');
    expect(readPolicy('  ', ctx).state).toBe('absent');
  });

  it('has no statements for a policy without Statement', () => {
    expect(known(readPolicy('{"Version":"2012-10-17"}', ctx)).statements).toEqual([]);
  });
});

describe('readPolicy: data "aws_iam_policy_document"', () => {
  it('reads statement blocks with their defaults, principals and conditions', () => {
    const ctx = contextOf({
      data: {
        aws_iam_policy_document: {
          trust: {
            statement: [
              {
                actions: ['sts:AssumeRole'],
                principals: [{ type: 'AWS', identifiers: ['*'] }],
                condition: [{ test: 'StringEquals', variable: 'aws:PrincipalOrgID', values: ['o-123'] }],
              },
            ],
          },
        },
      },
    });
    const read = known(readPolicy(docRef('trust'), ctx));
    expect(read.origin).toBe('data.aws_iam_policy_document.trust');
    const [s] = read.statements;
    expect(s.effect).toBe('Allow');
    expect(s.where).toBe('data.aws_iam_policy_document.trust statement[0]');
    expect(s.principals).toEqual({ state: 'known', value: [{ type: 'AWS', identifiers: { state: 'known', value: ['*'] } }] });
    expect(s.conditions).toEqual({
      state: 'known',
      value: [{ operator: 'StringEquals', key: 'aws:PrincipalOrgID', values: { state: 'known', value: ['o-123'] } }],
    });
  });

  it('accepts a single statement object, minified_json and an indexed reference', () => {
    const ctx = contextOf({ data: { aws_iam_policy_document: { p: { statement: { actions: ['s3:*'], resources: ['*'] } } } } });
    expect(known(readPolicy('${data.aws_iam_policy_document.p.minified_json}', ctx)).statements).toHaveLength(1);
    expect(known(readPolicy('${data.aws_iam_policy_document.p[0].json}', ctx)).statements).toHaveLength(1);
  });

  it('keeps expression fields unknown', () => {
    const ctx = contextOf({
      data: { aws_iam_policy_document: { p: { statement: [{ actions: '${var.actions}', resources: ['${aws_s3_bucket.b.arn}'], effect: '${var.effect}' }] } } },
    });
    const [s] = known(readPolicy(docRef('p'), ctx)).statements;
    expect(s.actions).toEqual({ state: 'unknown', expression: '${var.actions}' });
    expect(s.resources).toEqual({ state: 'known', value: ['${aws_s3_bucket.b.arn}'] });
    expect(s.effect).toBe('${var.effect}');
  });

  it('marks dynamic statements and conditions, and an unknown statement list as unseen', () => {
    const ctx = contextOf({
      data: {
        aws_iam_policy_document: {
          dyn: {
            dynamic: {
              statement: {
                for_each: '${var.s}',
                content: {
                  actions: ['s3:GetObject'],
                  resources: ['*'],
                  dynamic: { condition: { for_each: '${var.c}', content: { test: 'Bool', variable: 'aws:SecureTransport', values: ['false'] } } },
                },
              },
            },
          },
          opaque: { statement: '${local.statements}' },
        },
      },
    });
    const [s] = known(readPolicy(docRef('dyn'), ctx)).statements;
    expect(s.dynamic).toBe(true);
    expect(s.mayBeNone).toBe(true);
    expect(s.conditions.state === 'known' && s.conditions.value[0].mayBeNone).toBe(true);
    const opaque = known(readPolicy(docRef('opaque'), ctx));
    expect(opaque.statements).toEqual([]);
    expect(opaque.unseen[0]).toContain('statement is ${local.statements}');
  });

  it('merges source documents first, then its own statements, then overrides, by Sid', () => {
    const ctx = contextOf({
      data: {
        aws_iam_policy_document: {
          base: {
            statement: [
              { sid: 'Read', actions: ['s3:GetObject'], resources: ['*'] },
              { sid: 'Keep', actions: ['sqs:SendMessage'], resources: ['*'] },
            ],
          },
          merged: {
            source_policy_documents: [docRef('base'), policyJson({ Sid: 'Literal', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' })],
            statement: [{ sid: 'Read', actions: ['s3:ListBucket'], resources: ['*'] }],
            override_policy_documents: [policyJson({ Sid: 'Keep', Effect: 'Deny', Action: 'sqs:*', Resource: '*' })],
          },
        },
      },
    });
    const read = known(readPolicy(docRef('merged'), ctx));
    const bySid = Object.fromEntries(read.statements.map((s) => [s.sid, s]));
    expect(Object.keys(bySid).sort()).toEqual(['Keep', 'Literal', 'Read']);
    expect(bySid.Read.actions).toEqual({ state: 'known', value: ['s3:ListBucket'] });
    expect(bySid.Keep.effect).toBe('Deny');
    expect(bySid.Literal.where).toContain('source_policy_documents[1]');
  });

  it('reads the deprecated source_json / override_json too', () => {
    const ctx = contextOf({
      data: { aws_iam_policy_document: { p: { source_json: policyJson({ Effect: 'Allow', Action: '*', Resource: '*' }), statement: [] } } },
    });
    expect(known(readPolicy(docRef('p'), ctx)).statements).toHaveLength(1);
  });

  it('counts an unreadable source document as unseen, but an unreadable override makes the whole policy unknown', () => {
    const ctx = contextOf({
      data: {
        aws_iam_policy_document: {
          src: { source_policy_documents: ['${var.extra}'], statement: [{ actions: ['s3:GetObject'], resources: ['*'] }] },
          ovr: { override_policy_documents: ['${var.extra}'], statement: [{ actions: ['s3:GetObject'], resources: ['*'] }] },
        },
      },
    });
    const src = known(readPolicy(docRef('src'), ctx));
    expect(src.statements).toHaveLength(1);
    expect(src.unseen).toHaveLength(1);
    expect(readPolicy(docRef('ovr'), ctx).state).toBe('unknown');
  });

  it('is unknown when an expression Sid decides what overrides what', () => {
    const ctx = contextOf({
      data: {
        aws_iam_policy_document: {
          p: {
            source_policy_documents: [policyJson({ Sid: 'A', Effect: 'Deny', Action: '*', Resource: '*' })],
            statement: [{ sid: '${var.sid}', actions: ['*'], resources: ['*'] }],
          },
        },
      },
    });
    expect(readPolicy(docRef('p'), ctx).state).toBe('unknown');
  });

  it('does not loop on documents that include each other', () => {
    const ctx = contextOf({
      data: { aws_iam_policy_document: { a: { source_policy_documents: [docRef('b')] }, b: { source_policy_documents: [docRef('a')] } } },
    });
    const read = known(readPolicy(docRef('a'), ctx));
    expect(read.unseen.join(' ')).toContain('refer back');
  });

  it('prefers the rendered json a plan carries', () => {
    const ctx = contextOf({
      data: { aws_iam_policy_document: { p: { json: policyJson({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }), statement: [] } } },
    });
    const read = known(readPolicy(docRef('p'), ctx));
    expect(read.statements[0].actions).toEqual({ state: 'known', value: ['ec2:*'] });
    expect(read.statements[0].where).toBe('data.aws_iam_policy_document.p Statement');
  });

  it('is unknown for a reference to a data source of another type', () => {
    const ctx = contextOf({ data: { aws_iam_policy: { p: { name: 'x' } } } });
    expect(readPolicy('${data.aws_iam_policy.p.json}', ctx).state).toBe('unknown');
  });
});
