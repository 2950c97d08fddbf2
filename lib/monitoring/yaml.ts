/**
 * YAML for the files the monitoring server reads (Prometheus, blackbox exporter, alert rules) and its
 * cloud-config, written by the `yaml` package (eemeli/yaml) rather than by hand: quoting is where a
 * hand-written emitter goes wrong, and YAML has two readers here with different rules (Go's yaml for
 * Prometheus, PyYAML's YAML 1.1 for cloud-init, where a plain `yes` or `0644` is not a string).
 *
 * The style is fixed so the files read like hand-written YAML and stay byte-for-byte stable (a changed
 * byte changes the user data, and on DigitalOcean replaces the droplet): block mappings and sequences;
 * every string double-quoted (safe under both readers), except multi-line strings (scripts, unit files,
 * nested configs), which are literal blocks; keys plain when they can only be read as strings. The tests
 * parse the output with the real consumers (promtool, cloud-init schema) and with `yaml` itself.
 */
import { Document, visit, type Scalar } from 'yaml';

export type YamlValue = string | number | boolean | null | readonly YamlValue[] | { readonly [key: string]: YamlValue | undefined };

/** Keys written without quotes; the library still quotes one that would read as another type (`true`, `null`). */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Render a value as a YAML document (ending in a newline). Keys whose value is `undefined` are left out. */
export function toYaml(value: YamlValue): string {
  // The YAML 1.1 schema: a key such as `on`, `y` or `no` is a boolean to PyYAML (cloud-init), so it is quoted.
  const doc = new Document(value, { version: '1.1' });
  visit(doc, {
    Scalar(key, node: Scalar) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) throw new Error(`toYaml: ${node.value} is not a finite number`);
      if (typeof node.value !== 'string') return;
      if (key === 'key') node.type = PLAIN_KEY.test(node.value) ? 'PLAIN' : 'QUOTE_DOUBLE';
      else node.type = literalBlockFits(node.value) ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
    },
  });
  // lineWidth 0: never fold a long line (a folded PromQL expression or shell line is harder to review).
  return doc.toString({ lineWidth: 0, indentSeq: true });
}

/**
 * A literal block keeps a multi-line string readable. Not used when YAML could misread it: a leading space
 * or tab on the first line (it would set the indentation), carriage returns, or non-printable characters.
 */
function literalBlockFits(s: string): boolean {
  if (!s.includes('\n') || s.trim() === '') return false;
  if (/^[ \t]/.test(s) || /^\n/.test(s)) return false;
  return !/[\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(s);
}
