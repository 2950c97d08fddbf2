#!/usr/bin/env node
/**
 * Writes docs/constructs.md, the props reference of the constructs in lib/, from their TSDoc: the class's
 * summary, every member of its props interface (with the members of the interfaces it extends) and of the
 * data interfaces those props are typed with (AwsMonitoringProps, DerpVersions, ...). The TSDoc is the one
 * place a prop is described, so the reference cannot drift from the code; `--check` fails when the
 * committed file differs from what the TSDoc says now.
 *
 * The sources are only parsed (ts.createSourceFile), never type-checked: names are resolved through the
 * files' own imports and re-exports, which is all the constructs use and keeps a run well under a second.
 *
 *   node scripts/generate-construct-docs.js                write docs/constructs.md
 *   node scripts/generate-construct-docs.js --check        exit 1 if docs/constructs.md is out of date
 *   node scripts/generate-construct-docs.js --gaps         list props without TSDoc or @default (exit 0)
 *   --out FILE   write / check FILE instead of docs/constructs.md
 *   --lib DIR    read the constructs from DIR instead of lib/
 *
 * Exit codes: 0 done, 1 out of date (--check), 2 bad arguments or sources the generator cannot read.
 *
 * Why not a TSDoc tool (api-extractor + api-documenter, TypeDoc): they document the package's exported API
 * from the built declarations, one page per symbol, and would need a build and a post-processor to give what
 * this page is for: per construct, one table of its props with the interfaces they extend and the data
 * interfaces they use, each with its `@default`, plus `--gaps` (props without TSDoc or default), which the
 * construct-docs test uses to keep every default documented. The TSDoc parsing itself is TypeScript's own.
 */
// @ts-check (tsconfig.scripts.json, run by `npm run lint`)
'use strict';
const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_LIB = path.join(ROOT, 'lib');
const DEFAULT_OUT = path.join(ROOT, 'docs', 'constructs.md');
const COMMAND = 'node scripts/generate-construct-docs.js';

/** A module specifier's text (always a string literal in valid TypeScript). */
const specifierText = (/** @type {import('typescript').Expression} */ specifier) => /** @type {import('typescript').StringLiteral} */ (specifier).text;

/** Section order of the reference: by module, the main construct of each first. */
const CONSTRUCT_ORDER = [
  'AwsDerpRelay',
  'DigitalOceanDerpRelay',
  'DerpFleet',
  'AwsMonitoring',
  'DigitalOceanMonitoring',
  'Monitoring',
  'Ec2StatusCheckAlarm',
  'DropletHealthAlerts',
  'AlertTopic',
  'SecretStore',
  'NodeJoinKey',
  'TailnetPolicy',
  'TailscaleProvider',
  'TailscaleAcl',
  'TailscaleTailnetKey',
  'TailscaleTailnetSettings',
  'TailscaleDeviceKey',
];

/** Base classes that make a class a construct (cdktf's provider and resource bindings are constructs too). */
const CONSTRUCT_BASES = new Set(['Construct', 'TerraformResource', 'TerraformProvider']);

const UNDOCUMENTED_DEFAULT = '**undocumented default**';
const UNDOCUMENTED = '**undocumented**';

class GeneratorError extends Error {}

// ---------------------------------------------------------------------------------------------------------
// Source files and name resolution

/** Every .ts source under dir (not declarations or tests), sorted so discovery does not depend on the file system. */
function sourceFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') && !entry.name.endsWith('.test.ts')) out.push(full);
  }
  return out.sort();
}

class Sources {
  constructor(libDir) {
    this.libDir = libDir;
    this.displayRoot = path.dirname(libDir);
    this.files = new Map();
  }

  /** The parsed file, or undefined if it does not exist. */
  get(file) {
    if (!this.files.has(file)) {
      const sf = fs.existsSync(file) ? ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS) : undefined;
      this.files.set(file, sf);
    }
    return this.files.get(file);
  }

  /** A file's path as shown in the reference: relative to the directory holding lib/, with forward slashes. */
  display(sf) {
    return path.relative(this.displayRoot, sf.fileName).split(path.sep).join('/');
  }

  /** The file a relative module specifier names, or undefined. */
  resolveModule(fromFile, specifier) {
    const base = path.resolve(path.dirname(fromFile), specifier);
    for (const candidate of [`${base}.ts`, path.join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
      if (candidate.endsWith('.ts') && this.get(candidate)) return candidate;
    }
    return undefined;
  }

  /**
   * What a type name used in `sf` refers to: `{ node, sf }` for a declaration in these sources,
   * `{ external: 'module' }` for an import from a package, or undefined for a global (Readonly, Record, ...).
   */
  resolveName(name, sf) {
    const local = localDeclaration(sf, name);
    if (local) return { node: local, sf };
    for (const statement of sf.statements) {
      if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
      const bindings = statement.importClause.namedBindings;
      if (!bindings || !ts.isNamedImports(bindings)) continue;
      const element = bindings.elements.find((e) => e.name.text === name);
      if (!element) continue;
      const specifier = specifierText(statement.moduleSpecifier);
      if (!specifier.startsWith('.')) return { external: specifier };
      const target = this.resolveModule(sf.fileName, specifier);
      if (!target) throw new GeneratorError(`${this.display(sf)}: cannot find module '${specifier}'`);
      const found = this.resolveExport((element.propertyName || element.name).text, target, new Set());
      if (!found) throw new GeneratorError(`${this.display(sf)}: '${specifier}' does not export ${name}`);
      return found;
    }
    return undefined;
  }

  /** The declaration `file` exports under `name`, following `export { x } from` and `export * from`. */
  resolveExport(name, file, seen) {
    if (seen.has(file)) return undefined;
    seen.add(file);
    const sf = this.get(file);
    const local = localDeclaration(sf, name);
    if (local && isExported(local)) return { node: local, sf };
    for (const statement of sf.statements) {
      if (!ts.isExportDeclaration(statement)) continue;
      const clause = statement.exportClause;
      if (clause && ts.isNamedExports(clause)) {
        const element = clause.elements.find((e) => e.name.text === name);
        if (!element) continue;
        const original = (element.propertyName || element.name).text;
        if (!statement.moduleSpecifier) return local ? { node: local, sf } : this.resolveName(original, sf);
        const specifier = specifierText(statement.moduleSpecifier);
        if (!specifier.startsWith('.')) return { external: specifier };
        const target = this.resolveModule(file, specifier);
        return target ? this.resolveExport(original, target, seen) : undefined;
      }
      if (!clause && statement.moduleSpecifier && specifierText(statement.moduleSpecifier).startsWith('.')) {
        const target = this.resolveModule(file, specifierText(statement.moduleSpecifier));
        const found = target && this.resolveExport(name, target, seen);
        if (found) return found;
      }
    }
    return undefined;
  }
}

function localDeclaration(sf, name) {
  return sf.statements.find(
    (s) =>
      (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isClassDeclaration(s) || ts.isEnumDeclaration(s)) && s.name && s.name.text === name,
  );
}

function isExported(node) {
  return (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
}

// ---------------------------------------------------------------------------------------------------------
// TSDoc

function entityName(name) {
  return ts.isIdentifier(name) ? name.text : ts.isQualifiedName(name) ? `${entityName(name.left)}.${name.right.text}` : name.getText();
}

/** A JSDoc comment body as markdown: `{@link X}` becomes `X` in code (or its label, or the URL). */
function commentText(comment) {
  if (comment === undefined) return '';
  if (typeof comment === 'string') return comment;
  return comment
    .map((part) => {
      if (ts.isJSDocLink(part) || ts.isJSDocLinkCode(part) || ts.isJSDocLinkPlain(part)) {
        const target = part.name ? entityName(part.name) : '';
        const text = part.text || '';
        if (text.startsWith('://')) return `${target}${text}`;
        const label = text.replace(/^\s*\|?\s*/, '').trim();
        return label || `\`${target}\``;
      }
      return part.text;
    })
    .join('');
}

/** The description and tags of the JSDoc comment closest to a node. */
function docOf(node) {
  const docs = node.jsDoc;
  if (!docs || docs.length === 0) return { description: '', tags: [] };
  const doc = docs[docs.length - 1];
  return {
    description: commentText(doc.comment).trim(),
    tags: (doc.tags || []).map((tag) => ({ name: tag.tagName.text, text: commentText(tag.comment).trim() })),
  };
}

/** The comment at the top of a file (attached by the parser to its first statement, an import). */
function moduleComment(sf) {
  const first = sf.statements[0];
  if (!first || !(ts.isImportDeclaration(first) || ts.isImportEqualsDeclaration(first))) return '';
  return docOf(first).description;
}

// ---------------------------------------------------------------------------------------------------------
// Model

/** The exported construct classes of the sources, in reference order. */
function findConstructs(sources, warnings) {
  const classes = [];
  for (const file of sourceFiles(sources.libDir)) {
    const sf = sources.get(file);
    for (const statement of sf.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name || !isExported(statement)) continue;
      const heritage = (statement.heritageClauses || []).find((h) => h.token === ts.SyntaxKind.ExtendsKeyword);
      if (!heritage) continue;
      const base = heritage.types[0].expression;
      // `extends Construct`, or `extends cdk.TerraformResource` (cdktf or cdktn through aspects/cdk.ts).
      const baseName = ts.isIdentifier(base) ? base.text : ts.isPropertyAccessExpression(base) ? base.name.text : undefined;
      if (!baseName) continue;
      classes.push({ name: statement.name.text, base: baseName, node: statement, sf });
    }
  }
  // Subclasses of a construct declared here are constructs too.
  const constructNames = new Set();
  for (let grew = true; grew;) {
    grew = false;
    for (const c of classes) {
      if (!constructNames.has(c.name) && (CONSTRUCT_BASES.has(c.base) || constructNames.has(c.base))) {
        constructNames.add(c.name);
        grew = true;
      }
    }
  }
  // An abstract base (MonitoringServer) is no construct a user makes: its members are documented on its subclasses.
  const isAbstract = (c) => (ts.getCombinedModifierFlags(c.node) & ts.ModifierFlags.Abstract) !== 0;
  const constructs = classes.filter((c) => constructNames.has(c.name) && !isAbstract(c));
  const seen = new Map();
  for (const c of constructs) {
    if (seen.has(c.name)) throw new GeneratorError(`two constructs named ${c.name}: ${sources.display(seen.get(c.name))} and ${sources.display(c.sf)}`);
    seen.set(c.name, c.sf);
  }
  for (const name of CONSTRUCT_ORDER) {
    if (!seen.has(name)) warnings.push(`${name} is in CONSTRUCT_ORDER but no exported construct has that name`);
  }
  for (const c of constructs) {
    if (!CONSTRUCT_ORDER.includes(c.name)) warnings.push(`${c.name} (${sources.display(c.sf)}) is not in CONSTRUCT_ORDER; it is listed after the others`);
  }
  const rank = (name) => (CONSTRUCT_ORDER.includes(name) ? CONSTRUCT_ORDER.indexOf(name) : CONSTRUCT_ORDER.length);
  return constructs.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function normalizeType(text) {
  return text.replace(/\s+/g, ' ').replace(/\(\s/g, '(').replace(/\s\)/g, ')').trim();
}

/**
 * Type names referenced in a type node (`readonly (string | SecretSpec)[]` → SecretSpec). Not those inside a
 * function type: a callback's parameters are what the construct hands the user, not props the user fills in.
 */
function typeReferences(typeNode) {
  const names = [];
  const visit = (node) => {
    if (ts.isFunctionTypeNode(node) || ts.isConstructorTypeNode(node)) return;
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) names.push(node.typeName.text);
    ts.forEachChild(node, visit);
  };
  visit(typeNode);
  return names;
}

/**
 * A data interface worth its own table: declared in these sources, not a behaviour interface
 * (`IDerpRelay`, `ITailnetPolicy`: implemented by constructs, not filled in by users).
 */
function isDataInterface(resolved) {
  return (
    resolved &&
    resolved.node &&
    ts.isInterfaceDeclaration(resolved.node) &&
    !/^I[A-Z]/.test(resolved.node.name.text) &&
    !resolved.node.members.some((m) => ts.isMethodSignature(m) || ts.isCallSignatureDeclaration(m))
  );
}

/** An interface's members, its bases' first (in `extends` order), each with where it is declared. */
function interfaceModel(sources, iface, sf) {
  const bases = [];
  const externalBases = [];
  const members = [];
  for (const clause of iface.heritageClauses || []) {
    for (const type of clause.types) {
      const baseName = type.expression.getText(sf);
      const resolved = ts.isIdentifier(type.expression) ? sources.resolveName(baseName, sf) : undefined;
      if (resolved && resolved.node && ts.isInterfaceDeclaration(resolved.node)) {
        const base = interfaceModel(sources, resolved.node, resolved.sf);
        bases.push({ name: baseName, file: sources.display(resolved.sf) });
        externalBases.push(...base.externalBases);
        members.push(...base.members.map((m) => ({ ...m, inheritedFrom: m.inheritedFrom || baseName })));
      } else {
        externalBases.push({ name: baseName, module: resolved && resolved.external });
      }
    }
  }
  for (const member of iface.members) {
    const where = `${sources.display(sf)}: ${iface.name.text}`;
    if (!ts.isPropertySignature(member)) {
      throw new GeneratorError(`${where}: only property members can be documented, found ${ts.SyntaxKind[member.kind]} '${member.getText(sf)}'`);
    }
    if (!member.type) throw new GeneratorError(`${where}.${member.name.getText(sf)} has no type annotation`);
    const doc = docOf(member);
    const defaults = doc.tags.filter((t) => t.name === 'default' || t.name === 'defaultValue');
    members.push({
      name: member.name.getText(sf),
      owner: iface.name.text,
      ownerFile: sources.display(sf),
      type: normalizeType(member.type.getText(sf)),
      optional: Boolean(member.questionToken),
      description: doc.description,
      deprecated: doc.tags.find((t) => t.name === 'deprecated'),
      hasDefault: defaults.length > 0,
      default: defaults.length > 0 ? defaults[defaults.length - 1].text : undefined,
      otherTags: doc.tags.filter((t) => !['default', 'defaultValue', 'deprecated'].includes(t.name)).map((t) => t.name),
      references: typeReferences(member.type)
        .map((name) => ({ name, resolved: sources.resolveName(name, sf) }))
        .filter((r) => isDataInterface(r.resolved)),
      inheritedFrom: undefined,
    });
  }
  return { name: iface.name.text, file: sources.display(sf), description: docOf(iface).description, bases, externalBases, members };
}

/** One construct: its summary, constructor, props interface and the data interfaces reachable from its props. */
function constructModel(sources, c) {
  const where = `${sources.display(c.sf)}: ${c.name}`;
  const ctor = c.node.members.find(ts.isConstructorDeclaration);
  if (!ctor) throw new GeneratorError(`${where} has no constructor of its own`);
  const propsParam = ctor.parameters[2];
  if (!propsParam || !propsParam.type || !ts.isTypeReferenceNode(propsParam.type) || !ts.isIdentifier(propsParam.type.typeName)) {
    throw new GeneratorError(`${where}: expected a constructor (scope, id, props: XxxProps)`);
  }
  const propsName = propsParam.type.typeName.text;
  const resolved = sources.resolveName(propsName, c.sf);
  if (!resolved || !resolved.node || !ts.isInterfaceDeclaration(resolved.node)) {
    throw new GeneratorError(`${where}: its props type ${propsName} is not an interface declared under ${path.basename(sources.libDir)}/`);
  }
  const props = interfaceModel(sources, resolved.node, resolved.sf);

  // Data interfaces the props are typed with, breadth-first in member order, each once.
  const subInterfaces = [];
  const byKey = new Map([[`${props.file}#${props.name}`, props]]);
  const queue = [props];
  while (queue.length > 0) {
    const current = queue.shift();
    for (const member of current.members) {
      for (const ref of member.references) {
        const key = `${sources.display(ref.resolved.sf)}#${ref.resolved.node.name.text}`;
        let model = byKey.get(key);
        if (!model) {
          model = { ...interfaceModel(sources, ref.resolved.node, ref.resolved.sf), usedBy: [] };
          byKey.set(key, model);
          subInterfaces.push(model);
          queue.push(model);
        }
        const use = `${member.owner}.${member.name}`;
        if (model.usedBy && !model.usedBy.includes(use)) model.usedBy.push(use);
      }
    }
  }

  const ownDoc = docOf(c.node).description;
  return {
    name: c.name,
    base: c.base,
    file: sources.display(c.sf),
    summary: ownDoc || moduleComment(c.sf),
    summaryFromModule: !ownDoc,
    signature: `new ${c.name}(${ctor.parameters.map((p) => normalizeType(p.getText(c.sf))).join(', ')})`,
    props,
    subInterfaces,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Markdown

/** A code span that survives any backticks in `text`. */
function code(text) {
  const longest = Math.max(0, ...(text.match(/`+/g) || []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${text} ${fence}` : `${fence}${text}${fence}`;
}

/**
 * Escapes prose for markdown: `<` outside code spans (TSDoc such as `<construct path>` is not HTML), and in a
 * table cell `|` everywhere (GFM splits cells before it parses code spans).
 */
function escapeProse(text, inTable) {
  return text
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => {
      let out =
        i % 2 === 1
          ? part
          : part
              .replace(/&(?![a-zA-Z]+;|#\d+;)/g, '&amp;')
              .replace(/</g, '&lt;')
              .replace(/>/g, '&gt;');
      if (inTable) out = out.replace(/\|/g, '\\|');
      return out;
    })
    .join('');
}

/** TSDoc prose as one table cell: paragraphs and list items kept apart with <br>, other line breaks joined. */
function cell(text) {
  const paragraphs = text.split(/\n\s*\n/);
  return paragraphs
    .map((paragraph) => {
      let out = '';
      for (const line of paragraph
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)) {
        const escaped = escapeProse(line, true);
        if (out === '') out = escaped;
        else if (/^([-*]|\d+\.)\s/.test(line)) out += `<br>${escaped}`;
        else out += ` ${escaped}`;
      }
      return out;
    })
    .filter(Boolean)
    .join('<br><br>');
}

const LITERAL = String.raw`'[^'\n]*'|"[^"\n]*"|-?\d+(?:\.\d+)?|true|false|null|\[\]|\{\}`;
const WHOLE_LITERAL = new RegExp(String.raw`^(?:${LITERAL}|\[[^\]\n]*\]|\{[^}\n]*\}|[A-Z][A-Z0-9_]*(?:\[[A-Za-z0-9_]+\])?|https?://\S+)$`);
const LEADING_LITERAL = new RegExp(String.raw`^(${LITERAL})(?=\s*[:;,(]|\s+\()([\s\S]*)$`);

/** The Default cell: a literal value in code, prose as written, the gap marker when there is no `@default`. */
function defaultCell(member) {
  if (!member.optional) return 'required';
  if (!member.hasDefault || member.default === '') return UNDOCUMENTED_DEFAULT;
  const text = member.default.replace(/\s+/g, ' ').trim();
  if (WHOLE_LITERAL.test(text)) return code(text).replace(/\|/g, '\\|');
  const leading = LEADING_LITERAL.exec(text);
  if (leading) return `${code(leading[1]).replace(/\|/g, '\\|')}${escapeProse(leading[2], true)}`;
  return escapeProse(text, true);
}

function descriptionCell(member) {
  const parts = [];
  if (member.deprecated) parts.push(`**Deprecated.**${member.deprecated.text ? ` ${cell(member.deprecated.text)}` : ''}`);
  parts.push(member.description ? cell(member.description) : UNDOCUMENTED);
  if (member.inheritedFrom) parts.push(`_(from ${code(member.inheritedFrom)})_`);
  return parts.join(' ');
}

function propsTable(model) {
  if (model.members.length === 0) return ['No props.'];
  return [
    '| Prop | Type | Default | Description |',
    '| --- | --- | --- | --- |',
    ...model.members.map((m) => `| ${code(m.name)} | ${code(m.type).replace(/\|/g, '\\|')} | ${defaultCell(m)} | ${descriptionCell(m)} |`),
  ];
}

/** GitHub's heading anchor. */
function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function interfaceIntro(model) {
  const lines = [];
  if (model.description) lines.push(escapeProse(model.description, false), '');
  const notes = [];
  if (model.bases.length > 0) {
    notes.push(`Extends ${model.bases.map((b) => `${code(b.name)} (${code(b.file)})`).join(', ')}, whose props are listed first.`);
  }
  for (const base of model.externalBases) {
    notes.push(`Also takes the members of ${code(base.name)}${base.module ? ` from ${code(base.module)}` : ''}, not listed here.`);
  }
  if (notes.length > 0) lines.push(notes.join(' '), '');
  return lines;
}

function render(models) {
  const out = [
    '# Construct reference',
    '',
    `<!-- Generated by \`${COMMAND}\` from the TSDoc in lib/. Do not edit by hand. -->`,
    '',
    `> **Generated file, do not edit by hand.** \`${COMMAND}\` writes it from the constructs' TSDoc in \`lib/\`:`,
    '> to change a description or a default, edit the TSDoc and re-run the script.',
    `> \`${COMMAND} --check\` fails when this file is out of date.`,
    '',
    `Default column: **required** means the prop must be given; ${UNDOCUMENTED_DEFAULT} marks an optional prop`,
    'whose TSDoc has no `@default` (a documentation gap). Props inherited from a base interface are listed first.',
    '',
    '## Contents',
    '',
    ...models.map((m) => `- [${m.name}](#${slug(m.name)}) (${code(m.file)})`),
    '',
  ];
  const rendered = new Map();
  for (const model of models) {
    out.push(`## ${model.name}`, '');
    if (model.summary) out.push(escapeProse(model.summary, false), '');
    else out.push(UNDOCUMENTED, '');
    out.push(`Declared in ${code(model.file)}; extends ${code(model.base)}.`, '', '```ts', model.signature, '```', '');

    const propsHeading = `Props: ${model.props.name}`;
    out.push(`### ${propsHeading}`, '', ...interfaceIntro(model.props), ...propsTable(model.props), '');
    rendered.set(`${model.props.file}#${model.props.name}`, { anchor: slug(propsHeading), construct: model.name });

    const seeAlso = [];
    for (const sub of model.subInterfaces) {
      const key = `${sub.file}#${sub.name}`;
      const earlier = rendered.get(key);
      if (earlier) {
        seeAlso.push(`[${code(sub.name)}](#${earlier.anchor}) (under ${earlier.construct})`);
        continue;
      }
      out.push(`#### ${sub.name}`, '');
      out.push(`Type of ${sub.usedBy.map(code).join(', ')}; declared in ${code(sub.file)}.`, '');
      out.push(...interfaceIntro(sub), ...propsTable(sub), '');
      rendered.set(key, { anchor: slug(sub.name), construct: model.name });
    }
    if (seeAlso.length > 0) out.push(`Also uses ${seeAlso.join(', ')}.`, '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// Entry points

/** Props and classes whose documentation is missing, one line each (for `--gaps` and the report). */
function gapsOf(models) {
  const gaps = [];
  const seen = new Set();
  for (const model of models) {
    if (model.summaryFromModule) gaps.push(`${model.file}: class ${model.name} has no TSDoc of its own${model.summary ? ' (the file comment is used)' : ''}`);
    for (const iface of [model.props, ...model.subInterfaces]) {
      for (const m of iface.members) {
        const key = `${m.ownerFile}#${m.owner}.${m.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const where = `${m.ownerFile}: ${m.owner}.${m.name}`;
        if (!m.description) gaps.push(`${where}: no description`);
        if (m.optional && (!m.hasDefault || m.default === '')) gaps.push(`${where}: optional without @default`);
        if (!m.optional && m.hasDefault) gaps.push(`${where}: required but has @default ${JSON.stringify(m.default)}`);
        for (const tag of m.otherTags) gaps.push(`${where}: tag @${tag} is not rendered`);
      }
    }
  }
  return gaps;
}

/** The reference for the constructs under libDir: `{ markdown, gaps, warnings }`. */
function generate(libDir = DEFAULT_LIB) {
  const sources = new Sources(path.resolve(libDir));
  const warnings = [];
  const models = findConstructs(sources, warnings).map((c) => constructModel(sources, c));
  if (models.length === 0) throw new GeneratorError(`no exported construct classes under ${libDir}`);
  return { markdown: render(models), gaps: gapsOf(models), warnings };
}

function parseArgs(argv) {
  const args = { check: false, gaps: false, out: DEFAULT_OUT, lib: DEFAULT_LIB };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg === '--gaps') args.gaps = true;
    else if (arg === '--out' || arg === '--lib') {
      const value = argv[++i];
      if (!value || value.startsWith('--')) throw new GeneratorError(`${arg} needs a path`);
      args[arg.slice(2)] = path.resolve(value);
    } else throw new GeneratorError(`unknown argument '${arg}' (expected --check, --gaps, --out FILE, --lib DIR)`);
  }
  return args;
}

/** The first line where two texts differ, for the --check message. */
function firstDifference(expected, actual) {
  const a = expected.split('\n');
  const b = actual.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, expected: a[i], actual: b[i] };
  }
  return undefined;
}

function main(argv) {
  const args = parseArgs(argv);
  const { markdown, gaps, warnings } = generate(args.lib);
  for (const warning of warnings) console.error(`warning: ${warning}`);
  const shown = path.relative(process.cwd(), args.out) || args.out;
  if (args.gaps) {
    console.log(gaps.length === 0 ? 'no documentation gaps' : gaps.join('\n'));
    return 0;
  }
  if (args.check) {
    const actual = fs.existsSync(args.out) ? fs.readFileSync(args.out, 'utf8') : undefined;
    if (actual === markdown) return 0;
    if (actual === undefined) {
      console.error(`${shown} does not exist: run ${COMMAND}`);
      return 1;
    }
    const diff = firstDifference(markdown, actual);
    console.error(`${shown} is out of date with the TSDoc in lib/: run ${COMMAND} and commit the result.`);
    if (diff) {
      console.error(`  first difference at line ${diff.line}:`);
      console.error(`    expected: ${diff.expected === undefined ? '<end of file>' : diff.expected}`);
      console.error(`    found:    ${diff.actual === undefined ? '<end of file>' : diff.actual}`);
    }
    return 1;
  }
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, markdown);
  console.log(`wrote ${shown}${gaps.length > 0 ? ` (${gaps.length} documentation gaps: run with --gaps to list them)` : ''}`);
  return 0;
}

module.exports = { generate, DEFAULT_OUT, CONSTRUCT_ORDER };

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    // Exit 2, not 1: a generator that cannot run must not read as "the file is out of date".
    console.error(`generate-construct-docs: ${e instanceof GeneratorError ? e.message : e instanceof Error ? e.stack : String(e)}`);
    process.exitCode = 2;
  }
}
