/** toYaml writes through the `yaml` package in a fixed, reviewable style that both readers (Go yaml, PyYAML 1.1) read back. */
import { parse } from 'yaml';
import { toYaml } from '../../../lib/monitoring';

describe('toYaml', () => {
  test('block style: strings double-quoted, multi-line strings as literal blocks, plain keys', () => {
    expect(toYaml({ a: 'x', num: 1, b: true, z: null, list: ['p', { k: 'v' }], empty: [], none: {}, script: '#!/bin/sh\necho hi\n', skipped: undefined })).toBe(
      'a: "x"\nnum: 1\nb: true\nz: null\nlist:\n  - "p"\n  - k: "v"\nempty: []\nnone: {}\nscript: |\n  #!/bin/sh\n  echo hi\n',
    );
  });

  test('keys YAML 1.1 reads as booleans (cloud-init uses PyYAML) are quoted', () => {
    const text = toYaml({ y: 1, on: 2, no: 3, yes: 4, n: 5, true: 6 });
    for (const key of ['y', 'on', 'no', 'yes', 'n', 'true']) expect(text).toContain(`"${key}":`);
    expect(parse(text, { version: '1.1' })).toEqual({ y: 1, on: 2, no: 3, yes: 4, n: 5, true: 6 });
  });

  test('strings that look like other types stay strings under YAML 1.1', () => {
    const value = { mode: '0644', flag: 'yes', nothing: '~', tabbed: '\tx\ny', crlf: 'a\r\nb', keep: 'x\n\n' };
    expect(parse(toYaml(value), { version: '1.1' })).toEqual(value);
  });

  test('refuses a number YAML cannot carry', () => {
    expect(() => toYaml({ x: Infinity })).toThrow(/not a finite number/);
  });
});
