/**
 * The file adapter: turns the paths given to `cdktf-guardrails check` into StackDocuments, the same shape
 * the synth adapter produces. A path is a cdktf output directory (manifest.json), a directory of
 * `*.tf.json` (one Terraform root module), a Terraform JSON file, a plan JSON file (detected by content),
 * or `-` for stdin. Every file is read and parsed once. Anything that cannot be read is a
 * GuardrailInputError naming the path and the problem; nothing is skipped silently.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isObject } from '../values';
import type { JsonObject, StackDocument } from '../types';
import { GuardrailInputError } from './input-error';
import { looksLikePlanJson, stackFromPlanJson } from './plan-json';
import { parseJsonText, readJsonFilePlaced, readProblem, tooLarge, DEFAULT_MAX_INPUT_BYTES, type ReadLimits } from './read-json';
import { expandLocalModules } from './local-modules';
import { withJsonencodeEvaluated } from './jsonencode-literals';
import { readModule } from './read-module';
import { looksLikeTerraformJson, stackFromTerraformJson } from './terraform-json';
import { isIgnoredByTerraform, terraformFiles } from './terraform-directory';
import { SourceLocator } from './locator';
import type { Locate } from '../with-locations';

export interface LoadOptions {
  /** Paths are resolved against, and reported relative to, this directory. */
  readonly cwd: string;
  /** Reads all of stdin, for the path `-`. */
  readonly readStdin?: () => Promise<string>;
  /**
   * The Terraform JSON (cdktf's cdk.tf.json) that plans were made from: construct paths and suppressions
   * by address. Without it, a `cdk.tf.json` next to a plan file is used.
   */
  readonly config?: string;
  /** Largest file (or stdin) read, in bytes; larger inputs are refused, naming the cap. */
  readonly maxInputBytes?: number;
  /** How the user raises the cap, for the message (e.g. `--max-input-mb`). */
  readonly raiseCapWith?: string;
  /**
   * Whether findings will be placed by line (`locate`): when not (a report that prints no line), resources
   * are not placed while files are read. @default true
   */
  readonly placeFindings?: boolean;
}

export interface LoadedInputs {
  readonly stacks: readonly StackDocument[];
  /** Things the user should know that are not errors, one line each (e.g. HCL files that were not read). */
  readonly notes: readonly string[];
  /** For a stack merged from several files (a directory): stack name → resource address → file. */
  readonly resourceFiles: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Places a finding at the line its resource is written on (Terraform JSON files only). */
  readonly locate: Locate;
}

export async function loadInputs(paths: readonly string[], options: LoadOptions): Promise<LoadedInputs> {
  if (paths.filter((p) => p === '-').length > 1) throw new GuardrailInputError('-', 'stdin can be read only once; give `-` once');
  const loader = new Loader(options);
  for (const p of paths) {
    if (p === '-') {
      if (!options.readStdin) throw new GuardrailInputError('-', 'stdin is not available');
      loader.fromText(await options.readStdin(), 'stdin');
    } else loader.fromPath(p);
  }
  if (options.config !== undefined && !loader.planSeen) {
    loader.notes.push(`--config ${options.config} was not used: no input is a plan JSON`);
  }
  return { stacks: withJsonencodeEvaluated(loader.stacks), notes: loader.notes, resourceFiles: loader.resourceFiles, locate: loader.locator.locate };
}

class Loader {
  readonly stacks: StackDocument[] = [];
  readonly notes: string[] = [];
  readonly resourceFiles = new Map<string, ReadonlyMap<string, string>>();
  planSeen = false;
  private readonly names = new Set<string>();
  /** Parsed files by absolute path: a file named twice (a stack, and a plan's configuration) is read once. */
  private readonly parsed = new Map<string, unknown>();

  readonly limits: ReadLimits;

  constructor(private readonly options: LoadOptions) {
    this.limits = { maxBytes: options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES, ...(options.raiseCapWith ? { raiseWith: options.raiseCapWith } : {}) };
  }

  readonly locator = new SourceLocator();

  private read(file: string, label: string): unknown {
    if (!this.parsed.has(file)) {
      // Terraform JSON is placed by line in the pass that checks it for repeated keys; a plan is not placed.
      const place = this.options.placeFindings === false ? () => false : looksLikeTerraformJson;
      const { doc, locations } = readJsonFilePlaced(file, label, this.limits, place);
      if (locations) this.locator.placed(label, locations);
      this.parsed.set(file, doc);
    }
    return this.parsed.get(file);
  }

  fromPath(input: string): void {
    const absolute = path.resolve(this.options.cwd, input);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      throw new GuardrailInputError(input, readProblem(error));
    }
    if (stat.isDirectory()) {
      if (fs.existsSync(path.join(absolute, 'manifest.json'))) this.fromCdktfOut(absolute);
      else this.fromDirectory(absolute);
    } else this.fromFile(absolute);
  }

  fromText(text: string, label: string): void {
    const max = this.limits.maxBytes ?? DEFAULT_MAX_INPUT_BYTES;
    if (text.length > max) throw new GuardrailInputError(label, tooLarge(Buffer.byteLength(text), max, this.limits.raiseWith));
    this.fromDocument(parseJsonText(text, label), { label, name: 'stdin' });
  }

  /** A cdktf output directory: every stack its manifest lists, each read as the directory Terraform runs in. */
  private fromCdktfOut(dir: string): void {
    const manifestFile = path.join(dir, 'manifest.json');
    const label = this.display(manifestFile);
    const manifest = this.read(manifestFile, label);
    if (!isObject(manifest) || !isObject(manifest.stacks)) {
      throw new GuardrailInputError(label, 'is not a cdktf manifest (expected an object with `stacks`)');
    }
    const entries = Object.entries(manifest.stacks);
    if (entries.length === 0) throw new GuardrailInputError(this.display(dir), 'is a cdktf output with no stacks (manifest.json lists none)');
    for (const [id, entry] of entries) {
      const stackPath = isObject(entry) ? entry.synthesizedStackPath : undefined;
      if (typeof stackPath !== 'string' || stackPath === '') {
        throw new GuardrailInputError(label, `stack '${id}' has no synthesizedStackPath`);
      }
      const file = this.insideOutdir(dir, stackPath, label, id);
      const workingDir = path.dirname(file);
      const declared = isObject(entry) ? entry.workingDirectory : undefined;
      if (declared !== undefined && (typeof declared !== 'string' || path.resolve(dir, declared) !== workingDir)) {
        throw new GuardrailInputError(label, `stack '${id}' has a workingDirectory that is not the directory of its synthesizedStackPath`);
      }
      const fileLabel = this.display(file);
      if (file.endsWith('.tf')) {
        throw new GuardrailInputError(
          fileLabel,
          `stack '${id}' was synthesized as HCL (hclOutput), which this tool does not read: synthesize JSON, or check a plan (\`terraform show -json\`)`,
        );
      }
      if (!fs.existsSync(file)) {
        throw new GuardrailInputError(label, `stack '${id}' points to ${fileLabel}, which does not exist${refusedHint(dir, id)}`);
      }
      const fallback = isObject(entry) && typeof entry.name === 'string' ? entry.name : id;
      this.addModule(workingDir, () => fallback);
    }
  }

  /**
   * A stack path from a manifest, resolved inside the output directory. A manifest is input like any
   * other: a path that leaves the outdir (`../`, absolute, or through a symbolic link) is refused, so a
   * manifest cannot send the check to some other, harmless directory.
   */
  private insideOutdir(dir: string, stackPath: string, label: string, id: string): string {
    const file = path.resolve(dir, stackPath);
    const outside = (root: string, target: string) => {
      const relative = path.relative(root, target);
      return relative === '' || relative.startsWith('..') || path.isAbsolute(relative);
    };
    if (outside(dir, file))
      throw new GuardrailInputError(label, `stack '${id}' has a synthesizedStackPath outside the output directory (${JSON.stringify(stackPath)})`);
    let realDir: string;
    let realStackDir: string;
    try {
      realDir = fs.realpathSync(dir);
      realStackDir = fs.realpathSync(path.dirname(file));
    } catch {
      return file; // a missing directory is reported by the caller
    }
    if (outside(realDir, realStackDir)) {
      throw new GuardrailInputError(label, `stack '${id}' has a working directory that leads outside the output directory through a symbolic link`);
    }
    return file;
  }

  /** A directory of `*.tf.json`: one Terraform root module, so one stack (references cross files). */
  private fromDirectory(dir: string): void {
    let empty: boolean;
    try {
      empty = fs.readdirSync(dir).length === 0;
    } catch (error) {
      throw new GuardrailInputError(this.display(dir), readProblem(error));
    }
    if (empty) throw new GuardrailInputError(this.display(dir), 'is empty (expected a cdktf output directory with manifest.json, or *.tf.json files)');
    this.addModule(dir, () => path.basename(dir));
  }

  private addModule(dir: string, fallbackName: () => string): void {
    const label = this.display(dir);
    const read = readModule(dir, {
      label,
      symlinks: 'follow',
      limits: this.limits,
      stackName: (first) => this.uniqueName((first && stackNameOf(first)) ?? fallbackName(), label),
      readJson: (file, fileLabel) => this.read(file, fileLabel),
      whenEmpty: 'has no manifest.json and no *.tf.json files (expected a cdktf output directory with manifest.json, or a directory of *.tf.json)',
    });
    this.pushWithModules(read.stack, dir, label, read.files);
  }

  /**
   * A root module with its local modules read (their `*.tf` too: a module is read as Terraform reads it),
   * each added resource placed in its module file.
   */
  private pushWithModules(stack: StackDocument, dir: string, label: string, files: ReadonlyMap<string, string>): void {
    const expanded = expandLocalModules(stack, { dir, label, symlinks: 'follow', limits: this.limits });
    this.stacks.push(expanded.stack);
    const all = new Map([...files, ...expanded.files]);
    if (all.size > 0) this.resourceFiles.set(expanded.stack.name, all);
  }

  private fromFile(file: string): void {
    const label = this.display(file);
    if (file.endsWith('.tf')) {
      throw new GuardrailInputError(label, "is HCL (.tf), which this tool does not read: check cdktf's JSON output, or a plan (`terraform show -json`)");
    }
    this.fromDocument(this.read(file, label), { label, name: defaultStackName(file), file });
  }

  private fromDocument(doc: unknown, where: { label: string; name: string; file?: string }): void {
    const fileLabel = where.file !== undefined ? where.label : undefined;
    if (looksLikePlanJson(doc)) {
      this.planSeen = true;
      const config = this.configFor(where.file);
      const name = this.uniqueName((config && stackNameOf(config.doc)) ?? where.name, where.label);
      this.stacks.push(
        stackFromPlanJson(doc, { stack: name, ...(fileLabel ? { file: fileLabel } : {}), ...(config ? { config: config.doc, configFile: config.label } : {}) }),
      );
      return;
    }
    if (looksLikeTerraformJson(doc)) {
      const stack = stackFromTerraformJson(doc, {
        stack: this.uniqueName(stackNameOf(doc) ?? where.name, where.label),
        ...(fileLabel ? { file: fileLabel } : {}),
      });
      if (where.file !== undefined) this.refuseReadingAlone(where.file, where.label);
      // A file's local modules are where Terraform finds them: beside it. Stdin has no directory; its calls stay calls.
      if (where.file !== undefined) this.pushWithModules(stack, path.dirname(where.file), this.display(path.dirname(where.file)), new Map());
      else this.stacks.push(stack);
      return;
    }
    throw new GuardrailInputError(where.label, notTerraform(doc));
  }

  /**
   * A `*.tf.json` that Terraform reads together with other configuration files in its directory is never
   * checked alone: an override or a second file beside it changes what Terraform applies, and a check of one
   * file would pass what the directory does not.
   */
  private refuseReadingAlone(file: string, label: string): void {
    const name = path.basename(file);
    if (!name.endsWith('.tf.json') || isIgnoredByTerraform(name)) return;
    const dir = path.dirname(file);
    const dirLabel = this.display(dir);
    const siblings = terraformFiles(dir, { label: dirLabel, symlinks: 'follow' }).filter((f) => f.name !== name);
    if (siblings.length === 0) return;
    const shown =
      siblings
        .slice(0, 3)
        .map((f) => f.name)
        .join(', ') + (siblings.length > 3 ? `, and ${siblings.length - 3} more` : '');
    throw new GuardrailInputError(
      label,
      `is read by Terraform together with ${shown} in ${dirLabel}: check the directory (\`check ${dirLabel}\`), which is what Terraform applies`,
    );
  }

  /** The configuration a plan was made from: --config, else a cdk.tf.json beside the plan file. */
  private configFor(planFile: string | undefined): { readonly doc: JsonObject; readonly label: string } | undefined {
    if (this.options.config !== undefined) {
      const label = `--config ${this.options.config}`;
      const doc = this.read(path.resolve(this.options.cwd, this.options.config), label);
      if (!looksLikeTerraformJson(doc)) throw new GuardrailInputError(label, notTerraform(doc));
      return { doc, label };
    }
    if (planFile === undefined) return undefined;
    const beside = path.join(path.dirname(planFile), 'cdk.tf.json');
    if (beside === planFile || !fs.existsSync(beside)) return undefined;
    const label = this.display(beside);
    const doc = this.read(beside, label);
    return looksLikeTerraformJson(doc) ? { doc, label } : undefined;
  }

  /** Two inputs with the same stack name would mix in reports: the second is named by its file too. */
  private uniqueName(name: string, label: string): string {
    let unique = this.names.has(name) ? `${name} (${label})` : name;
    for (let i = 2; this.names.has(unique); i++) unique = `${name} (${label} #${i})`;
    this.names.add(unique);
    return unique;
  }

  /** Relative to the working directory when inside it (what CI annotations expect), with `/`. */
  private display(file: string): string {
    const relative = path.relative(this.options.cwd, file);
    const shown = relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
    return shown.split(path.sep).join('/');
  }
}

/** Why a JSON document is not something we check, as specifically as we can say it. */
function notTerraform(doc: unknown): string {
  if (isObject(doc) && typeof doc.format_version === 'string' && 'values' in doc) {
    return 'is a Terraform state (`terraform show -json` without a plan file), not a plan: run `terraform plan -out=tfplan` and check `terraform show -json tfplan`';
  }
  if (isObject(doc) && isObject(doc.stacks) && 'version' in doc) return 'is a cdktf manifest: pass the directory that holds it';
  const what = Array.isArray(doc)
    ? 'an array'
    : isObject(doc)
      ? Object.keys(doc).length === 0
        ? 'an empty object'
        : 'an object'
      : `a ${doc === null ? 'null' : typeof doc}`;
  return (
    `is JSON (${what}) but neither Terraform JSON (no resource, data, provider, terraform, module, … block) ` +
    'nor a plan (`terraform show -json`: format_version with planned_values or resource_changes)'
  );
}

function stackNameOf(doc: JsonObject): string | undefined {
  const meta = doc['//'];
  if (!isObject(meta) || !isObject(meta.metadata)) return undefined;
  return typeof meta.metadata.stackName === 'string' && meta.metadata.stackName !== '' ? meta.metadata.stackName : undefined;
}

/** `stacks/main/cdk.tf.json` → `main`; `network.tf.json` → `network`; `plan.json` → `plan`. */
function defaultStackName(file: string): string {
  const base = path.basename(file);
  if (base === 'cdk.tf.json') return path.basename(path.dirname(file)) || base;
  return base.replace(/(\.tf)?\.json$/, '') || base;
}

/** Where a refused synth kept a stack's output (Terraform never reads it there), when it did. */
function refusedHint(dir: string, id: string): string {
  const refused = path.join(dir, 'guardrails', 'refused', 'stacks', id);
  return fs.existsSync(refused)
    ? `: guardrails refused it at synth; the refused output is in ${refused} and can be checked from there`
    : ' (synthesize again?)';
}
