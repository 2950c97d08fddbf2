import { blocks, boolAttr, containsExpression, isExpression, numberAttr, referencedAddress } from '../../aspects/engine/values';

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

  test('referencedAddress resolves whole-value resource references only', () => {
    expect(referencedAddress('${aws_subnet.public.id}')).toBe('aws_subnet.public');
    expect(referencedAddress('${aws_subnet.public[0].id}')).toBe('aws_subnet.public');
    expect(referencedAddress('${var.subnet}')).toBeUndefined();
    expect(referencedAddress('${data.aws_subnet.x.id}')).toBeUndefined();
    expect(referencedAddress('${element(aws_subnet.a.*.id, 0)}')).toBeUndefined();
    expect(referencedAddress('subnet-${aws_subnet.a.id}')).toBeUndefined();
  });
});
