/**
 * A small YAML writer for the files we generate (Prometheus, blackbox exporter and cloud-init configs), so
 * they read like hand-written YAML without a YAML dependency. It writes a safe subset: block mappings and
 * sequences, strings always double-quoted with JSON escapes (valid YAML) or, when multi-line, as literal
 * blocks; numbers, booleans and null plain. The tests parse its output with the real consumers
 * (promtool, cloud-init schema).
 */

export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Render a value as a YAML document (ending in a newline). */
export function toYaml(value: YamlValue): string {
  return `${block(value, 0).join('\n')}\n`;
}

function block(value: YamlValue, indent: number): string[] {
  const pad = ' '.repeat(indent);
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${pad}[]`];
    return (value as readonly YamlValue[]).flatMap((item) => {
      if (isNested(item)) {
        const lines = block(item, indent + 2);
        return [`${pad}- ${lines[0].slice(indent + 2)}`, ...lines.slice(1)];
      }
      const [first, ...rest] = scalar(item, indent + 2);
      return [`${pad}- ${first}`, ...rest];
    });
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined) as [string, YamlValue][];
    if (entries.length === 0) return [`${pad}{}`];
    return entries.flatMap(([k, v]) => {
      const key = PLAIN_KEY.test(k) ? k : JSON.stringify(k);
      if (isNested(v)) return [`${pad}${key}:`, ...block(v, indent + 2)];
      const [first, ...rest] = scalar(v, indent + 2);
      return [`${pad}${key}: ${first}`, ...rest];
    });
  }
  return scalar(value, indent).map((l, i) => (i === 0 ? `${pad}${l}` : l));
}

function isNested(v: YamlValue): boolean {
  return (Array.isArray(v) && v.length > 0) || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).some((x) => x !== undefined));
}

/** A scalar: first line is placed after `key: ` or `- `; further lines (a literal block) are indented. */
function scalar(v: YamlValue, indent: number): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['[]'];
  if (typeof v === 'object') return ['{}'];
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`toYaml: ${v} is not a finite number`);
    return [String(v)];
  }
  if (typeof v === 'boolean') return [String(v)];
  if (literalBlockFits(v)) {
    const pad = ' '.repeat(indent);
    const trailing = /\n*$/.exec(v)![0].length;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const body = trailing === 0 ? v : v.slice(0, v.length - (chomp === '+' ? 0 : 1));
    const lines = (chomp === '+' ? body.replace(/\n$/, '') : body).split('\n');
    return [`|${chomp}`, ...lines.map((l) => (l === '' ? '' : `${pad}${l}`))];
  }
  return [JSON.stringify(v)];
}

/**
 * A literal block keeps a multi-line string readable. Not used when YAML could misread it: a leading space
 * or tab on the first line (it would set the indentation), carriage returns, or non-printable characters.
 */
function literalBlockFits(s: string): boolean {
  if (!s.includes('\n') || s.trim() === '') return false;
  if (/^[ \t]/.test(s) || /^\n/.test(s)) return false;
  // eslint-disable-next-line no-control-regex
  return !/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s);
}
