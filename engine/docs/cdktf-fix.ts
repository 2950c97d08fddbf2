/**
 * A rule's fix text, for a cdktf user: the same text (it is written once, in Terraform's names), with the
 * names the binding table knows put the way cdktf spells them. Inside backticks, an HCL snippet such as
 * `metadata_options { http_tokens = "required" }` becomes `metadataOptions: { httpTokens: "required" }`
 * (a repeated block becomes an array, `rule: [{ ... }]`; a resource block `aws_x { ... }` becomes
 * `new X(this, '…', { ... })`); outside them, a snake_case field name or a resource type becomes its cdktf
 * name (`root_block_device` → `rootBlockDevice`, aws_flow_log → FlowLog). Everything else is left as written:
 * values, references (`aws_kms_key.<name>.arn`), policy JSON, shell commands, and any name the table does
 * not know for the rule's resource types.
 */
import type { ReportInput } from '../reports/report-input';
import type { RuleMetadata } from '../rule';
import type { CdktfBindingTable, CdktfField, CdktfFields, CdktfType } from './cdktf-binding-types';
import { CDKTF_BINDINGS } from './cdktf-bindings';
import { camel } from './cdktf-example';
import { cdktfTypesOf } from './cdktf-rule-types';

/** The two ways the CLI and the docs can show names: Terraform's (HCL and JSON) or cdktf's. */
export type Syntax = 'hcl' | 'cdktf';

/** Where a Terraform name occurs in the rule's resource types: its cdktf name and whether it is a block. */
interface Occurrence {
  readonly type: string;
  /** The Terraform names of the blocks around it, outermost first. */
  readonly path: readonly string[];
  readonly name: string;
  readonly kind: 'value' | 'block' | 'blocks';
}

interface Names {
  readonly fields: ReadonlyMap<string, readonly Occurrence[]>;
  /** Resource type → cdktf class. */
  readonly classes: ReadonlyMap<string, string>;
}

/** The rule's fix with cdktf's names (the text unchanged where the table knows no name in it). */
export function cdktfFix(rule: Pick<RuleMetadata, 'fix' | 'resourceTypes' | 'examples'>, table: CdktfBindingTable = CDKTF_BINDINGS): string {
  const names = namesFor(rule, table);
  return rule.fix
    .split('`')
    .map((part, i) => (i % 2 === 1 ? code(part, names) : prose(part, names)))
    .join('`');
}

/**
 * A report's input with every fix text (the rules' and the findings') in cdktf's names: what `check
 * --syntax cdktf` gives every reporter. A finding of a rule the input does not describe keeps its text.
 */
export function withCdktfFixes(input: ReportInput): ReportInput {
  const fixes = new Map(input.rules.map((r) => [r.id, cdktfFix(r)]));
  const translate = <T extends { readonly ruleId: string; readonly fix: string }>(v: T): T => ({ ...v, fix: fixes.get(v.ruleId) ?? v.fix });
  return {
    ...input,
    rules: input.rules.map((r) => ({ ...r, fix: fixes.get(r.id)! })),
    result: {
      ...input.result,
      violations: input.result.violations.map(translate),
      suppressed: input.result.suppressed.map((s) => ({ ...s, violation: translate(s.violation) })),
    },
  };
}

function namesFor(rule: Pick<RuleMetadata, 'fix' | 'resourceTypes' | 'examples'>, table: CdktfBindingTable): Names {
  const fields = new Map<string, Occurrence[]>();
  const classes = new Map<string, string>();
  const walk = (type: string, byName: CdktfFields, path: readonly string[]): void => {
    for (const [tfName, field] of Object.entries(byName)) {
      const shape = typeOf(field);
      const block = blockOf(shape);
      const kind = !block ? 'value' : typeof shape === 'object' && 'list' in shape ? 'blocks' : 'block';
      const list = fields.get(tfName) ?? [];
      list.push({ type, path, name: typeof field === 'object' && 'type' in field ? field.name : camel(tfName), kind });
      fields.set(tfName, list);
      if (block) walk(type, block, [...path, tfName]);
    }
  };
  for (const type of cdktfTypesOf(rule)) {
    const binding = table.bindings[type];
    if (!binding) continue;
    // A resource type, not a provider name (`aws` is a word in prose and shell commands too).
    if (type.includes('_')) classes.set(type, binding.className);
    walk(type, binding.fields, []);
  }
  return { fields, classes };
}

function typeOf(field: CdktfField): CdktfType {
  return typeof field === 'object' && 'type' in field ? field.type : field;
}

function blockOf(type: CdktfType): CdktfFields | undefined {
  let t = type;
  while (typeof t === 'object' && 'list' in t) t = t.list;
  return typeof t === 'object' && 'block' in t ? t.block : undefined;
}

/**
 * The occurrence of `name` that fits where it stands: inside `context` (the blocks around it in the snippet,
 * since the last object whose key is unknown), in `type` when the snippet is a resource block. One rooted at
 * a resource is preferred to one nested deeper.
 */
function lookup(names: Names, name: string, context: readonly string[], type: string | undefined): Occurrence | undefined {
  const candidates = (names.fields.get(name) ?? []).filter(
    (o) => (type === undefined || o.type === type) && o.path.length >= context.length && context.every((c, i) => o.path[o.path.length - context.length + i] === c),
  );
  return candidates.find((o) => o.path.length === context.length) ?? candidates[0];
}

const IDENTIFIER = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

/** Prose: snake_case field names and resource types the table knows, in cdktf's spelling. */
function prose(text: string, names: Names): string {
  return text.replace(/[^\s,;()"'`]+/g, (word) => {
    const [, core, tail] = /^(.*?)([.:]*)$/.exec(word)!;
    if (IDENTIFIER.test(core)) {
      const cls = names.classes.get(core);
      if (cls) return cls + tail;
      if (!core.includes('_')) return word;
    }
    const path = fieldPath(core, names);
    return path ? path + tail : word;
  });
}

/**
 * A field name or a dotted path of them (`custom_origin_config.origin_protocol_policy`), each part in
 * cdktf's spelling; undefined unless every part is a field the table knows there.
 */
function fieldPath(word: string, names: Names): string | undefined {
  const parts = word.split('.');
  if (!parts.every((p) => IDENTIFIER.test(p)) || names.classes.has(parts[0])) return undefined;
  const out: string[] = [];
  for (const [i, part] of parts.entries()) {
    const field = lookup(names, part, parts.slice(0, i), undefined);
    if (!field) return undefined;
    out.push(field.name);
  }
  return out.join('.');
}

type Token = { readonly kind: 'space' | 'string' | 'word' | 'punct'; readonly text: string };

function tokens(text: string): Token[] {
  const out: Token[] = [];
  const pattern = /(\s+)|("(?:[^"\\]|\\.)*"?|'(?:[^'\\]|\\.)*'?)|([^\s{}[\](),=;"']+)|(.)/gs;
  for (const m of text.matchAll(pattern)) {
    out.push({ kind: m[1] ? 'space' : m[2] ? 'string' : m[3] ? 'word' : 'punct', text: m[0] });
  }
  return out;
}

/** A snippet in backticks: an HCL fragment becomes the object literal cdktf takes; other code keeps its syntax. */
function code(text: string, names: Names): string {
  const toks = tokens(text);
  const next = (i: number): Token | undefined => toks.slice(i + 1).find((t) => t.kind !== 'space');
  const isKey = (i: number): boolean => {
    const t = toks[i];
    const after = next(i);
    return (t.kind === 'word' && IDENTIFIER.test(t.text) && (after?.text === '=' || after?.text === '{')) || (t.kind === 'string' && after?.text === '=');
  };
  // Only a fragment with at least one field the table knows, written `name = ...` or `name { ... }`, is HCL
  // to rewrite; anything else only has its known names replaced.
  const hcl = toks.some((t, i) => isKey(i) && t.kind === 'word' && (lookup(names, t.text, [], undefined) !== undefined || names.classes.has(t.text)));

  interface Frame {
    readonly close: string;
    /** The Terraform names of the blocks this frame is in, since the last unknown one. */
    readonly context: readonly string[];
    readonly type: string | undefined;
  }
  const frames: Frame[] = [{ close: '', context: [], type: undefined }];
  const top = (): Frame => frames[frames.length - 1];
  let out = '';
  let lastSignificant = '';
  const emit = (s: string): void => {
    out += s;
    if (s.trim() !== '') lastSignificant = s.trim();
  };
  // HCL separates a block's entries by new lines; on one line, a comma goes between them.
  const separate = (): void => {
    if (lastSignificant !== '' && !/[{[(,]$/.test(lastSignificant)) out = `${out.trimEnd()}, `;
  };

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!hcl) {
      emit(t.kind === 'word' ? standalone(t.text, names, top()) : t.text);
      continue;
    }
    if (isKey(i)) {
      const afterIndex = toks.indexOf(next(i)!, i + 1);
      const opensBlock = toks[afterIndex].text === '{';
      const frame = top();
      separate();
      if (t.kind === 'string') {
        emit(`${t.text}:`);
        i = afterIndex;
        continue;
      }
      const cls = names.classes.get(t.text);
      if (cls && opensBlock) {
        emit(`new ${cls}(this, '…', {`);
        frames.push({ close: '})', context: [], type: t.text });
        i = afterIndex;
        continue;
      }
      const field = lookup(names, t.text, frame.context, frame.type);
      const name = field?.name ?? t.text;
      if (opensBlock) {
        const many = field?.kind === 'blocks';
        emit(`${name}: ${many ? '[{' : '{'}`);
        frames.push({ close: many ? '}]' : '}', context: field ? [...frame.context, t.text] : [], type: frame.type });
      } else emit(`${name}:`);
      i = afterIndex;
      // `name = {`: an object value, whose keys are looked up below this name.
      const value = next(i);
      if (value?.text === '{') {
        const valueIndex = toks.indexOf(value, i + 1);
        emit(' {');
        frames.push({ close: '}', context: field ? [...frame.context, t.text] : [], type: frame.type });
        i = valueIndex;
      }
      continue;
    }
    if (t.text === '{') {
      if (/[}\]"'\w]$/.test(lastSignificant)) separate();
      emit('{');
      frames.push({ close: '}', context: [], type: top().type });
    } else if (t.text === '}' && frames.length > 1) emit(frames.pop()!.close);
    else emit(t.kind === 'word' ? standalone(t.text, names, top()) : t.text);
  }
  return out;
}

/** A name on its own (a value, or the whole snippet): its cdktf spelling if it is a known field, path or type. */
function standalone(word: string, names: Names, frame: { readonly context: readonly string[]; readonly type: string | undefined }): string {
  if (!IDENTIFIER.test(word)) return fieldPath(word, names) ?? word;
  return names.classes.get(word) ?? lookup(names, word, frame.context, frame.type)?.name ?? word;
}
