import { blockPresence, blocks, boolAttr, containsExpression, isExpression, numberAttr, referencedAddress, UNKNOWN_AFTER_APPLY } from '../../aspects/engine/values';

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
