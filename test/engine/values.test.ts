import {
  ABSENT,
  and,
  all,
  any,
  attr,
  blockPresence,
  blocks,
  boolAttr,
  chain,
  containsExpression,
  describeExpression,
  isExpression,
  isNo,
  isUnknown,
  isYes,
  known,
  listAttr,
  map,
  match,
  maybe,
  NO,
  not,
  numberAttr,
  or,
  orDefault,
  referencedAddress,
  show,
  stringAttr,
  UNKNOWN_AFTER_APPLY,
  withoutConversions,
  YES,
  type Value,
} from '../../engine/values';

describe('values', () => {
  test.each([
    ['${var.x}', true],
    ['ami-${var.suffix}', true],
    ['%{ if var.a }x%{ endif }', true],
    ['$${literal}', false],
    ['%%{literal}', false],
    ['plain', false],
    [true, false],
  ])('isExpression(%j) = %s', (value, expected) => {
    expect(isExpression(value)).toBe(expected);
  });

  test('containsExpression looks inside objects and lists', () => {
    expect(containsExpression({ a: [{ b: '${x.y}' }] })).toBe(true);
    expect(containsExpression({ a: [{ b: 'x' }] })).toBe(false);
  });

  test('booleans and numbers as Terraform accepts them; anything else is unknown, never a default', () => {
    expect(boolAttr({ a: 'true' }, 'a')).toEqual({ state: 'known', value: true });
    expect(boolAttr({ a: false }, 'a')).toEqual({ state: 'known', value: false });
    expect(boolAttr({ a: 'yes' }, 'a').state).toBe('unknown');
    expect(boolAttr({ a: null }, 'a').state).toBe('absent');
    expect(numberAttr({ n: '7' }, 'n')).toEqual({ state: 'known', value: 7 });
    expect(numberAttr({ n: '' }, 'n').state).toBe('unknown');
    expect(numberAttr({ n: '${var.n}' }, 'n').state).toBe('unknown');
  });

  test('blocks: object, list, dynamic (object or list), and expressions', () => {
    const body = {
      ingress: [{ from_port: 22 }, 'garbage'],
      dynamic: [{ ingress: { for_each: '${var.x}', content: { from_port: 443 } } }, { ingress: [{ for_each: [], content: '${local.c}' }] }],
    };
    const found = blocks(body, 'ingress');
    expect(found.occurrences.map((o) => [o.path, o.dynamic])).toEqual([
      ['ingress[0]', false],
      ['dynamic.ingress.content', true],
    ]);
    expect(found.unknownExpression).toBe('garbage');
    expect(blocks({ ingress: '${local.rules}' }, 'ingress')).toEqual({ occurrences: [], unknownExpression: '${local.rules}' });
    expect(blocks({}, 'ingress')).toEqual({ occurrences: [] });
  });

  describe('dynamic blocks are read by what Terraform may produce', () => {
    const dyn = (forEach: unknown, content: unknown = { encrypted: true }) => ({ dynamic: { root_block_device: { for_each: forEach, content } } });
    const presence = (body: Record<string, unknown>) => blockPresence(blocks(body, 'root_block_device'));

    test('a known-empty for_each (list or map) produces nothing: the block is absent, whatever its content', () => {
      for (const empty of [[], {}]) {
        expect(blocks(dyn(empty), 'root_block_device')).toEqual({ occurrences: [] });
        expect(blocks(dyn(empty, '${local.c}'), 'root_block_device')).toEqual({ occurrences: [] });
        expect(presence(dyn(empty))).toEqual({ state: 'known', value: false });
      }
    });

    test('a known non-empty for_each produces blocks like its content: present', () => {
      const found = blocks(dyn(['a', '${var.b}']), 'root_block_device');
      expect(found.occurrences).toEqual([{ body: { encrypted: true }, path: 'dynamic.root_block_device.content', dynamic: true }]);
      expect(presence(dyn({ a: 1 }))).toEqual({ state: 'known', value: true });
      // ...and a content that is an expression makes them unknown.
      expect(presence(dyn([1], '${local.c}'))).toEqual({ state: 'unknown', expression: '${local.c}' });
    });

    test('an unknown for_each (an expression, a plan unknown, missing or malformed) may produce none: presence unknown', () => {
      for (const forEach of ['${var.disks}', UNKNOWN_AFTER_APPLY, undefined, null, 3]) {
        const found = blocks(dyn(forEach), 'root_block_device');
        expect(found.occurrences).toHaveLength(1);
        expect(found.occurrences[0].mayBeNone).toBeDefined();
        expect(presence(dyn(forEach)).state).toBe('unknown');
      }
    });

    test('a static block, or any block that surely exists, makes the whole set present', () => {
      expect(presence({ root_block_device: {}, ...dyn('${var.x}') })).toEqual({ state: 'known', value: true });
      expect(presence({})).toEqual({ state: 'known', value: false });
      expect(presence({ root_block_device: '${local.r}' })).toEqual({ state: 'unknown', expression: '${local.r}' });
    });
  });

  test('referencedAddress resolves whole-value resource references only', () => {
    expect(referencedAddress('${aws_subnet.public.id}')).toBe('aws_subnet.public');
    expect(referencedAddress('${aws_subnet.public[0].id}')).toBe('aws_subnet.public');
    expect(referencedAddress('${var.subnet}')).toBeUndefined();
    expect(referencedAddress('${data.aws_subnet.x.id}')).toBeUndefined();
    expect(referencedAddress('${element(aws_subnet.a.*.id, 0)}')).toBeUndefined();
    expect(referencedAddress('subnet-${aws_subnet.a.id}')).toBeUndefined();
  });
});

describe('values: pinned edges', () => {
  test('a reference is the whole value: `${aws_s3_bucket.a.id}-logs` is not a reference to the bucket', () => {
    expect(referencedAddress('${aws_s3_bucket.a.id}-logs')).toBeUndefined();
    expect(referencedAddress('logs-${aws_s3_bucket.a.id}')).toBeUndefined();
    expect(referencedAddress('${aws_s3_bucket.a.id}${var.x}')).toBeUndefined();
    expect(referencedAddress('${aws_s3_bucket.a.id}')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('  ${aws_s3_bucket.a.id}  ')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${aws_s3_bucket.a}')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${aws_s3_bucket.a["x"].arn}')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${aws_s3_bucket.a.tags["Name"]}')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${aws_s3_bucket.a.id }')).toBeUndefined();
    expect(referencedAddress(42)).toBeUndefined();
    expect(referencedAddress(undefined)).toBeUndefined();
  });

  test('a reference wrapped in type conversions still names its resource (cdktf `Fn.tonumber(droplet.id)`)', () => {
    expect(referencedAddress('${tonumber(digitalocean_droplet.web-0.id)}')).toBe('digitalocean_droplet.web-0');
    for (const f of ['tobool', 'tolist', 'tomap', 'tonumber', 'toset', 'tostring'])
      expect(referencedAddress(`\${${f}(aws_s3_bucket.a.id)}`)).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${tostring(tonumber(aws_s3_bucket.a[0].id))}')).toBe('aws_s3_bucket.a');
    expect(referencedAddress('${toset( aws_subnet.a[*].id )}')).toBe('aws_subnet.a');
    expect(withoutConversions('${tonumber(digitalocean_droplet.web[0].id)}')).toBe('${digitalocean_droplet.web[0].id}');
    expect(withoutConversions('${aws_s3_bucket.a.id}-logs')).toBe('${aws_s3_bucket.a.id}-logs');
  });

  test('…but only when the conversion is the whole value and wraps nothing but the reference', () => {
    expect(referencedAddress('${tostring(aws_s3_bucket.a.id)}-logs')).toBeUndefined();
    expect(referencedAddress('logs-${tostring(aws_s3_bucket.a.id)}')).toBeUndefined();
    expect(referencedAddress('${tonumber(aws_x.a.id) + 1}')).toBeUndefined();
    expect(referencedAddress('${tonumber(aws_x.a.id)}${tonumber(aws_x.b.id)}')).toBeUndefined();
    expect(referencedAddress('${tostring(aws_x.a.id)}-${tostring(aws_x.b.id)}')).toBeUndefined();
    expect(referencedAddress('${tonumber(var.id)}')).toBeUndefined();
    expect(referencedAddress('${tonumber(data.x.y.id)}')).toBeUndefined();
    expect(referencedAddress('${upper(aws_x.a.id)}')).toBeUndefined();
    expect(referencedAddress('${tonumber(element(aws_x.a.*.id, 0))}')).toBeUndefined();
    expect(referencedAddress('${tonumber(aws_x.a.id}')).toBeUndefined();
    expect(referencedAddress('${tonumber(aws_x.a.id) }')).toBeUndefined();
    expect(referencedAddress('tonumber(aws_x.a.id)')).toBeUndefined();
  });

  test.each(['var', 'local', 'module', 'data', 'each', 'count', 'path', 'terraform', 'self'])('`${%s.x.y}` is not a resource reference', (type) => {
    expect(referencedAddress(`\${${type}.x.y}`)).toBeUndefined();
  });

  test('a dynamic block iterator (`.value`, `.key`) is not a resource', () => {
    expect(referencedAddress('${ingress.value.port}')).toBeUndefined();
    expect(referencedAddress('${ingress.key}')).toBeUndefined();
    expect(referencedAddress('${aws_subnet.values.id}')).toBe('aws_subnet.values');
  });

  test('containsExpression: one expression anywhere makes the whole value unknown', () => {
    expect(containsExpression(['a', 'b', '${var.c}'])).toBe(true);
    expect(containsExpression(['${var.a}', 'b'])).toBe(true);
    expect(containsExpression({ a: 'x', b: 'y', c: ['z', { d: '${var.d}' }] })).toBe(true);
    expect(containsExpression({ a: 'x', b: '%{ if true }y%{ endif }' })).toBe(true);
    expect(containsExpression(['a', 'b', { c: 1, d: [true, null] }])).toBe(false);
    expect(containsExpression('${x}')).toBe(true);
    expect(containsExpression(7)).toBe(false);
    expect(containsExpression(null)).toBe(false);
    expect(containsExpression([])).toBe(false);
  });

  test('isExpression: escapes anywhere, a real template after an escape', () => {
    expect(isExpression('x$${a}')).toBe(false);
    expect(isExpression('$${a} ${b}')).toBe(true);
    expect(isExpression('x%%{a}')).toBe(false);
    expect(isExpression('%%{a} %{ if b }c%{ endif }')).toBe(true);
    expect(isExpression('{x}')).toBe(false);
    expect(isExpression('$x{')).toBe(false);
  });

  test('attr and the typed readers', () => {
    expect(attr({ a: null }, 'a')).toEqual({ state: 'absent' });
    expect(attr({}, 'a')).toEqual({ state: 'absent' });
    expect(attr({ a: 0 }, 'a')).toEqual({ state: 'known', value: 0 });
    expect(attr({ a: '${x}' }, 'a')).toEqual({ state: 'unknown', expression: '${x}' });
    expect(boolAttr({ a: 'TRUE' }, 'a')).toEqual({ state: 'unknown', expression: '"TRUE"' });
    expect(boolAttr({ a: 'false' }, 'a')).toEqual({ state: 'known', value: false });
    expect(boolAttr({ a: true }, 'a')).toEqual({ state: 'known', value: true });
    expect(boolAttr({ a: 1 }, 'a')).toEqual({ state: 'unknown', expression: '1' });
    expect(numberAttr({ n: 7.5 }, 'n')).toEqual({ state: 'known', value: 7.5 });
    expect(numberAttr({ n: ' 8 ' }, 'n')).toEqual({ state: 'known', value: 8 });
    expect(numberAttr({ n: '  ' }, 'n')).toEqual({ state: 'unknown', expression: '""' });
    expect(numberAttr({ n: 'ten' }, 'n')).toEqual({ state: 'unknown', expression: '"ten"' });
    expect(numberAttr({ n: 'Infinity' }, 'n').state).toBe('unknown');
    expect(numberAttr({ n: true }, 'n')).toEqual({ state: 'unknown', expression: 'true' });
    expect(numberAttr({}, 'n')).toEqual({ state: 'absent' });
    expect(stringAttr({ s: 5 }, 's')).toEqual({ state: 'known', value: '5' });
    expect(stringAttr({ s: false }, 's')).toEqual({ state: 'known', value: 'false' });
    expect(stringAttr({ s: 'x' }, 's')).toEqual({ state: 'known', value: 'x' });
    expect(stringAttr({ s: ['x'] }, 's')).toEqual({ state: 'unknown', expression: '["x"]' });
    expect(stringAttr({ s: '${v}' }, 's')).toEqual({ state: 'unknown', expression: '${v}' });
    expect(listAttr({ l: ['a', '${b}'] }, 'l')).toEqual({ state: 'known', value: ['a', '${b}'] });
    expect(listAttr({ l: 'a' }, 'l')).toEqual({ state: 'unknown', expression: '"a"' });
    expect(listAttr({ l: '${b}' }, 'l')).toEqual({ state: 'unknown', expression: '${b}' });
    expect(listAttr({}, 'l')).toEqual({ state: 'absent' });
  });

  test('blocks: malformed dynamic blocks are unknown, never dropped', () => {
    expect(blocks({ dynamic: ['${local.d}'] }, 'ingress')).toEqual({ occurrences: [], unknownExpression: '${local.d}' });
    expect(blocks({ dynamic: { ingress: '${local.s}' } }, 'ingress')).toEqual({ occurrences: [], unknownExpression: '${local.s}' });
    expect(blocks({ dynamic: { ingress: { for_each: [1] } } }, 'ingress')).toEqual({ occurrences: [], unknownExpression: 'dynamic "ingress" without content' });
    expect(blocks({ dynamic: { ingress: { content: {} } } }, 'ingress').occurrences[0].mayBeNone).toBe('dynamic "ingress" without for_each');
    expect(blocks({ dynamic: { ingress: { for_each: 3, content: {} } } }, 'ingress').occurrences[0].mayBeNone).toBe('3');
    expect(blocks({ dynamic: { egress: { for_each: [1], content: {} } } }, 'ingress')).toEqual({ occurrences: [] });
    expect(blocks({ ingress: 5 }, 'ingress')).toEqual({ occurrences: [], unknownExpression: '5' });
    expect(blocks({ ingress: null }, 'ingress')).toEqual({ occurrences: [] });
    expect(blocks({ ingress: { a: 1 } }, 'ingress')).toEqual({ occurrences: [{ body: { a: 1 }, path: 'ingress', dynamic: false }] });
    // The first unreadable part names why.
    expect(blocks({ ingress: ['${a}', '${b}'] }, 'ingress').unknownExpression).toBe('${a}');
  });

  test('blocks: expression-valued ebs_block_device, launch-template ebs and network_interfaces are unknown, never dropped', () => {
    expect(blocks({ ebs_block_device: '${var.disks}' }, 'ebs_block_device')).toEqual({ occurrences: [], unknownExpression: '${var.disks}' });
    expect(blocks({ ebs_block_device: [{ encrypted: true }, '${var.more}'] }, 'ebs_block_device').unknownExpression).toBe('${var.more}');
    expect(blocks({ ebs: '${local.ebs}' }, 'ebs')).toEqual({ occurrences: [], unknownExpression: '${local.ebs}' });
    expect(blocks({ network_interfaces: ['${local.nic}'] }, 'network_interfaces')).toEqual({ occurrences: [], unknownExpression: '${local.nic}' });
  });

  test('describeExpression shortens and flattens', () => {
    expect(describeExpression('a\n  b')).toBe('a b');
    expect(describeExpression('x'.repeat(80))).toBe('x'.repeat(80));
    expect(describeExpression('x'.repeat(81))).toBe(`${'x'.repeat(79)}…`);
    expect(describeExpression('abcdef', 4)).toBe('abc…');
  });
});

describe('the three-valued combinators', () => {
  const why = (text: string) => known(true, text);
  const whyNot = (text: string) => known(false, text);

  test('and: a false answer decides (with its why), else the first unknown, else the last true', () => {
    expect(and(YES, maybe('x'), whyNot('no because'))).toEqual(whyNot('no because'));
    expect(and(maybe('first'), maybe('second'))).toEqual(maybe('first'));
    expect(and(why('a'), why('b'))).toEqual(why('b'));
    expect(and()).toBe(YES);
    expect(and(NO)).toBe(NO);
  });

  test('or: a true answer decides (with its why), else the first unknown, else the last false', () => {
    expect(or(NO, maybe('x'), why('yes because'))).toEqual(why('yes because'));
    expect(or(maybe('first'), NO, maybe('second'))).toEqual(maybe('first'));
    expect(or(whyNot('a'), whyNot('b'))).toEqual(whyNot('b'));
    expect(or()).toBe(NO);
    expect(or(YES)).toBe(YES);
  });

  test('not flips known answers, keeping why and attribute; unknown stays unknown', () => {
    expect(not(known(true, 'w', 'attr'))).toEqual(known(false, 'w', 'attr'));
    expect(not(NO)).toEqual(YES);
    expect(not(maybe('x', 'a'))).toEqual(maybe('x', 'a'));
  });

  test('all and any over lists', () => {
    const isEven = (n: number) => known(n % 2 === 0);
    expect(all([2, 4], isEven)).toEqual(YES);
    expect(all([2, 3], isEven)).toEqual(NO);
    expect(all([], isEven)).toBe(YES);
    expect(any([1, 2], isEven)).toEqual(YES);
    expect(any([1, 3], isEven)).toEqual(NO);
    expect(any([], isEven)).toBe(NO);
    const maybeEven = (n: number) => (n < 0 ? maybe(`${n} is negative`) : isEven(n));
    expect(any([1, -1, 3], maybeEven)).toEqual(maybe('-1 is negative'));
    expect(any([1, -1, 2], maybeEven)).toEqual(YES);
    expect(all([2, -1, 3], maybeEven)).toEqual(NO);
    expect(all([2, -1, 4], maybeEven)).toEqual(maybe('-1 is negative'));
  });

  test('map, chain, orDefault and match keep unknown and absent with their why', () => {
    expect(map(known(2, 'w', 'a'), (n) => n * 2)).toEqual(known(4, 'w', 'a'));
    expect(map(maybe('x'), (n: number) => n * 2)).toEqual(maybe('x'));
    expect(map(ABSENT as Value<number>, (n) => n * 2)).toBe(ABSENT);
    expect(chain(known(2), (n) => (n > 1 ? maybe('too big') : known(n)))).toEqual(maybe('too big'));
    expect(chain(known(1), (n) => known(n + 1))).toEqual(known(2));
    expect(chain(maybe('x'), () => YES)).toEqual(maybe('x'));
    expect(chain(ABSENT as Value<number>, () => YES)).toBe(ABSENT);
    expect(orDefault(ABSENT as Value<number>, 7, 'the default')).toEqual(known(7, 'the default'));
    expect(orDefault(known(1), 7)).toEqual(known(1));
    expect(orDefault(maybe('x'), 7)).toEqual(maybe('x'));
    const cases = { known: (v: number) => `k${v}`, unknown: (e: string) => `u${e}`, absent: () => 'a' };
    expect([match(known(1), cases), match(maybe('x'), cases), match(ABSENT as Value<number>, cases)]).toEqual(['k1', 'ux', 'a']);
    expect([show(known('s'), '-'), show(known(3), '-'), show(maybe('${var.x}'), '-'), show(ABSENT, '-')]).toEqual(['s', '3', '${var.x}', '-']);
  });

  test('known and maybe carry context only when given', () => {
    expect(known(1)).toEqual({ state: 'known', value: 1 });
    expect(known(1)).not.toHaveProperty('why');
    expect(known(1, undefined, 'a')).toEqual({ state: 'known', value: 1, attribute: 'a' });
    expect(maybe('x')).toEqual({ state: 'unknown', expression: 'x' });
    expect(maybe('x')).not.toHaveProperty('attribute');
    expect([isYes(YES), isYes(NO), isYes(maybe('x')), isYes(ABSENT)]).toEqual([true, false, false, false]);
    expect([isNo(NO), isNo(YES), isNo(maybe('x')), isNo(ABSENT)]).toEqual([true, false, false, false]);
    expect([isUnknown(maybe('x')), isUnknown(YES), isUnknown(ABSENT)]).toEqual([true, false, false]);
  });
});

describe('values: what the readers report, exactly', () => {
  test('known and maybe keep the context they are given, and only that', () => {
    expect(known(1, 'w', 'a')).toEqual({ state: 'known', value: 1, why: 'w', attribute: 'a' });
    expect(known(1, 'w')).not.toHaveProperty('attribute');
    expect(maybe('x', 'a')).toEqual({ state: 'unknown', expression: 'x', attribute: 'a' });
  });

  test('a template that starts with a directive is an expression', () => {
    expect(isExpression('%{ endif }')).toBe(true);
    expect(isExpression('%{if var.a}on%{ else }off%%{ endif }')).toBe(true);
  });

  test('an unknown for_each is named as written, not quoted', () => {
    const found = blocks({ dynamic: { ingress: { for_each: '${var.rules}', content: {} } } }, 'ingress');
    expect(found.occurrences[0].mayBeNone).toBe('${var.rules}');
    expect(blockPresence(found)).toEqual({ state: 'unknown', expression: '${var.rules}' });
  });

  test('a null dynamic, or a null dynamic block, is absent, not unknown', () => {
    expect(blocks({ dynamic: null }, 'ingress')).toEqual({ occurrences: [] });
    expect(blocks({ dynamic: { ingress: null } }, 'ingress')).toEqual({ occurrences: [] });
    expect(blocks({ dynamic: [null, { ingress: [null] }] }, 'ingress')).toEqual({ occurrences: [], unknownExpression: 'null' });
  });

  test('withoutConversions leaves a conversion it cannot take apart as written', () => {
    expect(withoutConversions(' ${tonumber(aws_x.a.id) + 1} ')).toBe('${tonumber(aws_x.a.id) + 1}');
    expect(withoutConversions('${tostring(aws_x.a.id}')).toBe('${tostring(aws_x.a.id}');
    expect(withoutConversions('${aws_x.a.id}')).toBe('${aws_x.a.id}');
  });
});
