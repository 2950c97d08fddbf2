import { globMatch, isConcreteReference, literalOf, splitTemplate, worstCase, CONCRETE_VALUE } from '../../../../rules/aws/policy/template';

describe('splitTemplate', () => {
  it('separates literal text from expressions, keeping escapes as written', () => {
    expect(splitTemplate('arn:aws:s3:::${aws_s3_bucket.b.id}/$${aws:username}/*')).toEqual([
      { kind: 'literal', text: 'arn:aws:s3:::' },
      { kind: 'expression', text: '${aws_s3_bucket.b.id}' },
      { kind: 'literal', text: '/$${aws:username}/*' },
    ]);
  });

  it('skips braces inside the quoted strings of an expression', () => {
    const parts = splitTemplate('${jsonencode({"a" = "}"})}x');
    expect(parts).toEqual([
      { kind: 'expression', text: '${jsonencode({"a" = "}"})}' },
      { kind: 'literal', text: 'x' },
    ]);
  });

  it('handles nested templates inside an expression string', () => {
    expect(splitTemplate('${format("%s", "${var.a}")}')).toEqual([{ kind: 'expression', text: '${format("%s", "${var.a}")}' }]);
  });

  it('gives up on directives and unclosed expressions', () => {
    expect(splitTemplate('%{ if var.x }a%{ endif }')).toBeUndefined();
    expect(splitTemplate('${var.x')).toBeUndefined();
  });
});

describe('literalOf', () => {
  it('unescapes $${ and %%{, and refuses expressions', () => {
    expect(literalOf('arn:aws:s3:::b/$${aws:username}')).toBe('arn:aws:s3:::b/${aws:username}');
    expect(literalOf('%%{x}')).toBe('%{x}');
    expect(literalOf('${var.x}')).toBeUndefined();
  });
});

describe('worstCase', () => {
  it('turns open expressions into * and plain resource references into a concrete value', () => {
    expect(worstCase('${var.action}')).toBe('*');
    expect(worstCase('iam:${local.verb}')).toBe('iam:*');
    expect(worstCase('${aws_iam_role.app.arn}')).toBe(CONCRETE_VALUE);
    expect(worstCase('${data.aws_caller_identity.current.account_id}')).toBe(CONCRETE_VALUE);
    expect(worstCase('${each.value}')).toBe('*');
    expect(worstCase('${module.roles.arn}')).toBe('*');
  });

  it('uses a resolver first', () => {
    expect(worstCase('${aws_s3_bucket.b.arn}/*', (e) => (e === '${aws_s3_bucket.b.arn}' ? 'arn:aws:s3:::b' : undefined))).toBe('arn:aws:s3:::b/*');
  });
});

describe('isConcreteReference', () => {
  it('accepts resource and data attributes, not variables or calls', () => {
    expect(isConcreteReference('${aws_iam_role.app[0].arn}')).toBe(true);
    expect(isConcreteReference('${data.aws_partition.current.partition}')).toBe(true);
    expect(isConcreteReference('${var.arn}')).toBe(false);
    expect(isConcreteReference('${local.arn}')).toBe(false);
    expect(isConcreteReference('${element(aws_iam_role.app.*.arn, 0)}')).toBe(false);
    // A dynamic block's iterator holds whatever its for_each gives it.
    expect(isConcreteReference('${principals.value.identifiers}')).toBe(false);
    expect(isConcreteReference('${statement.key.arn}')).toBe(false);
  });
});

describe('globMatch', () => {
  it('matches IAM wildcards', () => {
    expect(globMatch('iam:Pass*', 'iam:PassRole', true)).toBe(true);
    expect(globMatch('IAM:passrole', 'iam:PassRole', true)).toBe(true);
    expect(globMatch('iam:P?ssRole', 'iam:PassRole', true)).toBe(true);
    expect(globMatch('iam:Get*', 'iam:PassRole', true)).toBe(false);
    expect(globMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y')).toBe(true);
    expect(globMatch('arn:aws:s3:::b/*', 'arn:aws:s3:::b')).toBe(false);
    expect(globMatch('*', '')).toBe(true);
    expect(globMatch('a*b*c', 'aXbYbZc')).toBe(true);
    expect(globMatch('a*b*c', 'aXbYbZ')).toBe(false);
  });

  it('is case-sensitive unless asked', () => {
    expect(globMatch('arn:aws:s3:::B', 'arn:aws:s3:::b')).toBe(false);
  });
});

// Each case below was a mutant that no test told apart (npm run mutation, docs/mutation-testing.md).
describe('edges', () => {
  const one = (text: string) => [{ kind: 'expression', text }];

  it('keeps a lone $ or % as literal text, and an escaped %%{ too', () => {
    expect(splitTemplate('100% of $5, 50%, $')).toEqual([{ kind: 'literal', text: '100% of $5, 50%, $' }]);
    expect(splitTemplate('a%%{b}$${c}')).toEqual([{ kind: 'literal', text: 'a%%{b}$${c}' }]);
    expect(splitTemplate('$x${var.a}%y')).toEqual([
      { kind: 'literal', text: '$x' },
      { kind: 'expression', text: '${var.a}' },
      { kind: 'literal', text: '%y' },
    ]);
  });

  it("reads an expression's quoted strings: escaped quotes, escaped ${, nested templates", () => {
    expect(splitTemplate('${f("x\\"}")}')).toEqual(one('${f("x\\"}")}'));
    expect(splitTemplate('${f("\\\\")}')).toEqual(one('${f("\\\\")}'));
    expect(splitTemplate('${f("$${")}')).toEqual(one('${f("$${")}'));
    expect(splitTemplate('${f("${g("}")}")}')).toEqual(one('${f("${g("}")}")}'));
    expect(splitTemplate('${f("${"a"}b")}')).toEqual(one('${f("${"a"}b")}'));
  });

  it('gives up on a quoted string or a nested template that is not closed', () => {
    expect(splitTemplate('${f("abc)}')).toBeUndefined();
    expect(splitTemplate('${f("${x")}')).toBeUndefined();
  });

  it('takes the worst case of a template it cannot split to be anything', () => {
    expect(worstCase('%{ if var.x }a%{ endif }')).toBe('*');
  });

  it('reads references with spaces inside the braces, counted indexes and nested attributes', () => {
    expect(isConcreteReference('${ aws_iam_role.app.arn }')).toBe(true);
    expect(isConcreteReference('${aws_instance.web[10].arn}')).toBe(true);
    expect(isConcreteReference('${aws_instance.web.root_block_device.0.volume_id}')).toBe(true);
    expect(isConcreteReference('${ var.settings.arn }')).toBe(false);
    expect(isConcreteReference('${ statement.value.actions }')).toBe(false);
  });

  it('matches a pattern without a star from the start of the value only', () => {
    expect(globMatch('ab', 'xab')).toBe(false);
    expect(globMatch('a?', 'xab')).toBe(false);
  });
});
