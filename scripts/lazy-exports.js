#!/usr/bin/env node
/**
 * Run after `tsc` (npm run build): the package's entry points (dist/index.js, core.js, aws.js,
 * digitalocean.js, tailscale.js) load the constructs under dist/lib/ when one of their exports is first
 * read, not when the entry point is imported.
 *
 * Why: most imports of the package are for `Guardrails` (and the engine behind it), which needs none of the
 * constructs; loading them (and the YAML library, and the provider classes they extend) cost ~40 ms of every
 * `cdktf synth`. aws-cdk-lib rewrites its index the same way for the same reason.
 *
 * How: tsc's emitted re-exports of `./lib/…` modules are replaced, statement for statement, by getters of the
 * form tsc itself emits for `export { X } from` (`get: function () { return m.X; }`), whose `m` loads the module
 * on first use. Node's ESM loader reads exactly that form when it lists a CommonJS module's exports, so
 * `import { DerpFleet } from 'cdktf-guardrails'` keeps working. Names re-exported with `export *` are listed at
 * build time by loading the built module here. Any other `require("./lib/…")` left in an entry point fails the build,
 * so a change in tsc's output cannot silently make the index eager (or broken) again. Types (.d.ts) are untouched.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const DIST = path.resolve(__dirname, '..', 'dist');
const ENTRY_POINTS = ['core.js', 'index.js', 'aws.js', 'digitalocean.js', 'tailscale.js'];

/** Loads a module on first use; defined once per entry point, ahead of the getters that use it. */
const LAZY_MODULE = [
  '/** A module loaded the first time one of its exports is read (scripts/lazy-exports.js). */',
  'function __lazyModule(load) {',
  '    var loaded;',
  '    return new Proxy({}, { get: function (_, name) { return (loaded || (loaded = load()))[name]; } });',
  '}',
].join('\n');

const STAR = /^__exportStar\(require\("(\.\/lib\/[^"]+)"\), exports\);$/;
const STAR_EAGER = /^__exportStar\(require\("(\.\/[^"]+)"\), exports\);$/;
const NAMED = /^var (\w+) = require\("(\.\/lib\/[^"]+)"\);$/;
const NAMESPACE = /^exports\.(\w+) = __importStar\(require\("(\.\/lib\/[^"]+)"\)\);$/;
const DECLARED = /^exports\.\w+ = (?:exports\.\w+ = )*void 0;$/;

function main() {
  for (const entry of ENTRY_POINTS) {
    const file = path.join(DIST, entry);
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('__lazyModule')) continue; // already rewritten (a build without tsc changes)
    fs.writeFileSync(file, rewrite(text, file));
  }
}

function rewrite(text, file) {
  // Names the file exports itself win over `export *`, as __exportStar's own check makes them.
  const exported = new Set();
  const out = [];
  let counter = 0;
  const lazyName = (spec) => `lazy_${spec.replace(/^\.\/lib\//, '').replace(/\W/g, '_')}_${counter++}`;
  for (const line of text.split('\n')) {
    let m;
    if (DECLARED.test(line)) {
      for (const name of line.matchAll(/exports\.(\w+) =/g)) exported.add(name[1]);
      out.push(line);
    } else if ((m = STAR.exec(line))) {
      const module = lazyName(m[1]);
      out.push(`var ${module} = __lazyModule(function () { return require(${JSON.stringify(m[1])}); });`);
      for (const name of exportsOf(path.resolve(path.dirname(file), m[1]))) {
        if (exported.has(name)) continue;
        exported.add(name);
        out.push(getter(name, module, name));
      }
    } else if ((m = STAR_EAGER.exec(line))) {
      // An entry point re-exporting another (./core): its names are taken first, as __exportStar takes them.
      for (const name of exportsOf(path.resolve(path.dirname(file), m[1]))) exported.add(name);
      out.push(line);
    } else if ((m = NAMED.exec(line))) {
      out.push(`var ${m[1]} = __lazyModule(function () { return require(${JSON.stringify(m[2])}); });`);
    } else if ((m = NAMESPACE.exec(line))) {
      // `export * as boot from`: the namespace object itself, made when first read.
      const holder = lazyName(m[2]);
      out.push(`var ${holder} = __lazyModule(function () { return { ${m[1]}: __importStar(require(${JSON.stringify(m[2])})) }; });`);
      out.push(getter(m[1], holder, m[1]));
    } else {
      out.push(line);
    }
  }
  const result = out.join('\n');
  const eager = result.split('\n').find((l) => l.includes('require("./lib/') && !l.includes('function () { return'));
  if (eager !== undefined) throw new Error(`${file}: a re-export of ./lib/ this script does not know how to make lazy: ${eager.trim()}`);
  // The helper goes after "use strict" and tsc's helpers' first line; a function declaration is hoisted anyway.
  return result.replace(/^"use strict";\n/, `"use strict";\n${LAZY_MODULE}\n`);
}

/** tsc's own form for `export { name } from`, which Node's ESM loader recognises as an export. */
function getter(name, module, member) {
  return `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: function () { return ${module}.${member}; } });`;
}

/** The names a built module exports (what __exportStar would copy). */
function exportsOf(modulePath) {
  return Object.keys(require(modulePath)).filter((k) => k !== 'default');
}

main();
