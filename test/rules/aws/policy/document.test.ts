import { parseTemplateJson, readPolicy, type PolicyRead, type PolicyStatement } from '../../../../rules/aws/policy';
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

const unknownOf = (read: PolicyRead) => (read.state === 'unknown' ? { expression: read.expression, reason: read.reason } : read);

// Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
describe('readPolicy: edges', () => {
  const ctx = contextOf();
  /** The one statement of a policy written as JSON text (expressions may stand outside strings). */
  const only = (text: string) => {
    const read = known(readPolicy(text, ctx));
    expect(read.statements).toHaveLength(1);
    return read.statements[0];
  };

  it('reads malformed JSON shapes without dropping anything silently', () => {
    expect(known(readPolicy('{"Statement": null}', ctx))).toEqual({ state: 'known', origin: 'JSON', statements: [], unseen: [] });
    expect(known(readPolicy('{"Statement": [null, 5, {"Effect": "Allow"}]}', ctx)).unseen).toEqual([
      'Statement[0] is not an object',
      'Statement[1] is not an object',
    ]);
    const s = only('{"Statement": {"Sid": 5, "Effect": true, "Action": null, "Resource": [1, true], "NotResource": [{}], "NotAction": [null]}}');
    expect([s.sid, s.where, s.effect]).toEqual([undefined, 'Statement', undefined]);
    expect(s.actions).toEqual({ state: 'absent' });
    expect(s.resources).toEqual({ state: 'known', value: ['1', 'true'] });
    expect(s.notResources).toEqual({ state: 'unknown', expression: '{}' });
    expect(s.notActions).toEqual({ state: 'unknown', expression: 'null' });
  });

  it('reads malformed principals and conditions', () => {
    expect(only('{"Statement": {"Principal": null, "NotPrincipal": 5}}')).toMatchObject({
      principals: { state: 'absent' },
      notPrincipals: { state: 'unknown', expression: '5' },
    });
    expect(only('{"Statement": {"Principal": {"AWS": null, "Service": "s3.amazonaws.com"}}}').principals).toEqual({
      state: 'known',
      value: [
        { type: 'AWS', identifiers: { state: 'known', value: [] } },
        { type: 'Service', identifiers: { state: 'known', value: ['s3.amazonaws.com'] } },
      ],
    });
    expect(only('{"Statement": {"Condition": null}}').conditions).toEqual({ state: 'absent' });
    expect(only('{"Statement": {"Condition": 5}}').conditions).toEqual({ state: 'unknown', expression: '5' });
    expect(only('{"Statement": {"Condition": ${var.c}}}').conditions).toEqual({ state: 'unknown', expression: '${var.c}' });
    expect(only('{"Statement": {"Condition": {"Bool": ${var.b}}}}').conditions).toEqual({ state: 'unknown', expression: '${var.b}' });
    expect(only('{"Statement": {"Condition": {"Bool": "x"}}}').conditions).toEqual({ state: 'unknown', expression: '"x"' });
  });

  it('restores ten and more expressions to their places, in strings and as whole values', () => {
    const names = Array.from({ length: 12 }, (_, i) => `\${var.r${i}}`);
    const s = only(`{"Statement": {"Resource": [${names.map((n) => `"arn:${n}"`).join(', ')}], "NotResource": [${names.join(', ')}]}}`);
    expect(s.resources).toEqual({ state: 'known', value: names.map((n) => `arn:${n}`) });
    expect(s.notResources).toEqual({ state: 'known', value: names });
  });

  it('keeps a "__proto__" condition key a key when the policy holds expressions', () => {
    expect(only('{"Statement": {"Effect": "${var.e}", "Condition": {"StringEquals": {"__proto__": "x"}}}}').conditions).toEqual({
      state: 'known',
      value: [{ operator: 'StringEquals', key: '__proto__', values: { state: 'known', value: ['x'] } }],
    });
  });

  it('tells which expressions stand inside strings when a string starts or ends next to one', () => {
    const s = only('{"Statement": {"Effect": "${var.e}", "Sid": "${var.a}\\"x\\\\", "Action": ${var.b}, "Resource": "\\"${var.c}"}}');
    expect([s.effect, s.sid, s.actions, s.resources]).toEqual([
      '${var.e}',
      '${var.a}"x\\',
      { state: 'unknown', expression: '${var.b}' },
      { state: 'known', value: ['"${var.c}'] },
    ]);
  });

  it('reads a policy that is not an object as unknown, one without Statement as empty, and JSON statements as not dynamic', () => {
    expect(unknownOf(readPolicy('[]', ctx))).toEqual({ expression: '[]', reason: 'is not a JSON object' });
    expect(known(readPolicy('{"Version": "2012-10-17"}', ctx))).toEqual({ state: 'known', origin: 'JSON', statements: [], unseen: [] });
    expect(only('{"Statement": {"Effect": "Allow"}}').dynamic).toBe(false);
  });

  it('says why a policy cannot be read', () => {
    expect(unknownOf(readPolicy('{"Statement": ', ctx))).toMatchObject({ reason: expect.stringContaining('is not valid policy JSON') });
    expect(unknownOf(readPolicy(' ${var.p} ', ctx))).toEqual({ expression: '${var.p}', reason: 'is ${var.p}' });
    // A reference with text around it is not the document alone.
    const docs = contextOf({ data: { aws_iam_policy_document: { d: { statement: [{ actions: ['*'], resources: ['*'] }] } } } });
    expect(readPolicy(`${docRef('d')} `, docs).state).toBe('unknown');
    expect(parseTemplateJson('%{ if x }{}%{ endif }')).toEqual({ ok: false, reason: 'uses a template directive or an unclosed expression' });
    expect(parseTemplateJson('{"a": ')).toEqual({ ok: false, reason: 'is not valid policy JSON (or has expressions where JSON syntax should be)' });
  });
});

describe('readPolicy: data "aws_iam_policy_document" edges', () => {
  const read = (body: Record<string, unknown>, others: Record<string, unknown> = {}) =>
    readPolicy(docRef('d'), contextOf({ data: { aws_iam_policy_document: { d: body, ...others } } }));
  const statement = { actions: ['s3:*'], resources: ['*'] };

  it('finds references with spaces and counted indexes', () => {
    const ctx = contextOf({ data: { aws_iam_policy_document: { d: { statement } } } });
    expect(known(readPolicy('${ data.aws_iam_policy_document.d.json }', ctx)).statements).toHaveLength(1);
    expect(known(readPolicy('${data.aws_iam_policy_document.d[10].json}', ctx)).statements).toHaveLength(1);
  });

  it('reads a rendered json that is not a policy as unknown', () => {
    expect(read({ json: 'not json' }).state).toBe('unknown');
  });

  it('merges by Sid only when documents are merged; an expression Sid alone is fine', () => {
    expect(known(read({ statement: [{ ...statement, sid: '${var.sid}' }] })).statements).toHaveLength(1);
    const withOverride = read({ statement: [{ ...statement, sid: '${var.sid}' }], override_policy_documents: [policyJson({ Effect: 'Allow', Action: '*' })] });
    expect(unknownOf(withOverride)).toMatchObject({ expression: '${var.sid}' });
    expect(read({ statement: [{ ...statement, sid: '${var.sid}' }], source_policy_documents: ['${var.more}'] }).state).toBe('unknown');
    expect(read({ statement: [{ ...statement, sid: '${var.sid}' }], statement_unknown: 1, source_json: '${var.more}' }).state).toBe('unknown');
  });

  it('replaces the first source statement of the same Sid, and keeps one copy', () => {
    const source = policyJson([
      { Sid: 'A', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
      { Sid: 'B', Effect: 'Allow', Action: 's3:PutObject', Resource: '*' },
    ]);
    const merged = known(read({ source_policy_documents: [source], statement: [{ sid: 'A', effect: 'Deny', actions: ['s3:*'], resources: ['*'] }] }));
    expect(merged.statements.map((s) => [s.sid, s.effect])).toEqual([
      ['A', 'Deny'],
      ['B', 'Allow'],
    ]);
  });

  it('reads the document lists in every shape: whole expressions, a single string, blanks, non-strings', () => {
    expect(known(read({ statement, source_policy_documents: '${var.docs}' })).unseen).toEqual([
      'data.aws_iam_policy_document.d.source_policy_documents is ${var.docs}',
    ]);
    expect(known(read({ statement, source_json: '${var.j}' })).unseen).toEqual(['data.aws_iam_policy_document.d.source_json is ${var.j}']);
    expect(known(read({ source_policy_documents: policyJson({ Effect: 'Allow', Action: '*', Resource: '*' }) })).statements).toHaveLength(1);
    expect(known(read({ statement, source_policy_documents: [''], override_policy_documents: [''] })).statements).toHaveLength(1);
    expect(known(read({ statement, source_policy_documents: [5] })).unseen).toEqual(['data.aws_iam_policy_document.d.source_policy_documents[0] is 5']);
    expect(read({ statement, override_policy_documents: '${var.o}' }).state).toBe('unknown');
    expect(read({ statement, override_json: '${var.o}' }).state).toBe('unknown');
    expect(read({ statement, override_policy_documents: ['{"Statement": [${var.s}]}'] }).state).toBe('unknown');
  });

  it('reads statement blocks in every shape', () => {
    const [s] = known(read({ statement: { sid: 5, effect: null, actions: 'x', not_actions: null, resources: [1, true], not_resources: [{}] } })).statements;
    expect([s.sid, s.effect, s.actions, s.notActions, s.resources, s.notResources]).toEqual([
      '5',
      'Allow',
      { state: 'known', value: ['x'] },
      { state: 'absent' },
      { state: 'known', value: ['1', 'true'] },
      { state: 'unknown', expression: '{}' },
    ]);
    expect(known(read({ statement })).statements[0].conditions).toEqual({ state: 'absent' });
    const [t] = known(read({ statement: { ...statement, principals: '${var.p}', condition: '${var.c}' } })).statements;
    expect([t.principals, t.notPrincipals, t.conditions]).toEqual([
      { state: 'unknown', expression: '${var.p}' },
      { state: 'absent' },
      { state: 'unknown', expression: '${var.c}' },
    ]);
  });
});
