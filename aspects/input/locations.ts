/**
 * Where each resource is written in a Terraform JSON file (line and column of its name), so SARIF results
 * carry a region (GitHub code scanning places alerts by line) and GitHub annotations point at the line.
 * jsonc-parser's visitor gives positions without building a tree; callbacks inside resource bodies are off.
 */
import { visit } from 'jsonc-parser';

export interface SourceLocation {
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

const SECTIONS: Readonly<Record<string, ((names: string[]) => string | undefined) | undefined>> = {
  resource: ([type, name]) => (type && name ? `${type}.${name}` : undefined),
  data: ([type, name]) => (type && name ? `data.${type}.${name}` : undefined),
  module: ([name]) => (name ? `module.${name}` : undefined),
};

/** Address → location of the key that names it, for `resource`, `data` and `module` blocks. */
export function resourceLocations(text: string): Map<string, SourceLocation> {
  const locations = new Map<string, SourceLocation>();
  const keysOf = (path: (string | number)[]) => path.filter((p): p is string => typeof p === 'string');
  visit(
    text,
    {
      onObjectBegin: (_offset, _length, _line, _column, pathSupplier) => {
        // Inside a resource body nothing more is needed: skip it (the visitor then does no work there).
        const keys = keysOf(pathSupplier());
        const depth = keys[0] === 'module' ? 2 : 3;
        return !(sectionOf(keys[0]) !== undefined && keys.length >= depth);
      },
      // Needed for the skip above: jsonc-parser counts nesting on object ends only when a handler is given.
      onObjectEnd: () => undefined,
      onObjectProperty: (property, _offset, _length, line, column, pathSupplier) => {
        const keys = [...keysOf(pathSupplier()), property];
        const section = sectionOf(keys[0]);
        const address = section && keys.length === (keys[0] === 'module' ? 2 : 3) ? section(keys.slice(1)) : undefined;
        if (address !== undefined && !locations.has(address)) locations.set(address, { line: line + 1, column: column + 1 });
      },
    },
    { allowTrailingComma: false, disallowComments: true },
  );
  return locations;
}

/** The address maker of a top-level section; own keys only (`constructor` is not a section). */
function sectionOf(key: string | undefined): ((names: string[]) => string | undefined) | undefined {
  return key !== undefined && Object.prototype.hasOwnProperty.call(SECTIONS, key) ? SECTIONS[key] : undefined;
}
