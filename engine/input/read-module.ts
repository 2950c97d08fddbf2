/**
 * Read a Terraform root module directory into one StackDocument: the unit Terraform applies, and so the
 * unit both entry points check. Every configuration file is read (regular files only, size-capped),
 * parsed (repeated keys refused), and merged as Terraform merges them.
 */
import type { JsonObject, StackDocument } from '../types';
import { GuardrailInputError } from './input-error';
import { mergeModule, type ModulePart } from './merge-module';
import { looksLikePlanJson } from './plan-json';
import { parseJsonText, readRegularFile, type ReadLimits } from './read-json';
import { terraformFiles, type TerraformFile } from './terraform-directory';
import { looksLikeTerraformJson, stackFromTerraformJson, type ConstructPaths } from './terraform-json';

export interface ReadModuleOptions {
  /** The directory as shown to the user (relative to the working directory where possible). */
  readonly label: string;
  /** The stack name for reports; defaults to the name in the first file's metadata, else the label. */
  readonly stackName?: (first: JsonObject | undefined) => string;
  readonly symlinks: 'refuse' | 'follow';
  readonly limits?: ReadLimits;
  /**
   * HCL (`.tf`) files are refused unless this converts them (synth with `hclOutput` reads the `cdk.tf` it
   * wrote). The CLI reads no HCL.
   */
  readonly readHcl?: (file: TerraformFile, text: string, label: string) => JsonObject;
  /** Who owns each resource, when the caller knows better than the `//` metadata (see TerraformJsonSource). */
  readonly constructPaths?: ConstructPaths;
  /** Told each file's text, to place findings by line later. */
  readonly remember?: (label: string, text: string) => void;
  /**
   * Reads and parses one JSON file (regular files only, capped, repeated keys refused), when the caller
   * keeps its own cache of parsed files; by default each file is read here.
   */
  readonly readJson?: (file: string, label: string) => unknown;
  /** Why a directory with no configuration file is wrong, in this entry point's words. */
  readonly whenEmpty?: string;
}

export interface ReadModule {
  readonly stack: StackDocument;
  /** Resource address → file label, when the module has more than one file. */
  readonly files: ReadonlyMap<string, string>;
  /** Every configuration file read, by label. */
  readonly labels: readonly string[];
}

export function readModule(dir: string, options: ReadModuleOptions): ReadModule {
  const found = terraformFiles(dir, { label: options.label, symlinks: options.symlinks });
  if (found.length === 0) {
    throw new GuardrailInputError(options.label, options.whenEmpty ?? 'holds no Terraform configuration file (*.tf.json)');
  }
  const documents = found.map((file) => ({
    file,
    label: `${options.label}/${file.name}`,
    doc: readConfigFile(file, `${options.label}/${file.name}`, options),
  }));
  const name = options.stackName?.(documents[0].doc) ?? options.label;
  const parts: ModulePart[] = documents.map(({ file, label, doc }) => ({
    stack: stackFromTerraformJson(doc, { stack: name, file: label, ...(options.constructPaths ? { constructPaths: options.constructPaths } : {}) }),
    override: file.override,
    label,
  }));
  const merged = mergeModule(parts, options.label);
  const single = parts.length === 1;
  return {
    stack: { ...merged.stack, name, file: single ? parts[0].label : options.label },
    files: single ? new Map() : merged.files,
    labels: documents.map((d) => d.label),
  };
}

function readConfigFile(file: TerraformFile, label: string, options: ReadModuleOptions): JsonObject {
  if (file.syntax === 'hcl' && !options.readHcl) {
    throw new GuardrailInputError(
      label,
      'is HCL (.tf), which this tool does not read, yet Terraform applies it with the rest of the directory: write it as Terraform JSON (*.tf.json), or check a plan (`terraform show -json`)',
    );
  }
  let doc: unknown;
  if (file.syntax === 'json' && options.readJson) doc = options.readJson(file.file, label);
  else {
    const text = readRegularFile(file.file, label, options.limits);
    doc = file.syntax === 'hcl' ? options.readHcl!(file, text, label) : parseJsonText(text, label);
    if (file.syntax === 'json') options.remember?.(label, text);
  }
  if (!looksLikeTerraformJson(doc)) {
    throw new GuardrailInputError(
      label,
      looksLikePlanJson(doc)
        ? 'is a plan JSON named like Terraform configuration, in a directory Terraform reads; move it out and pass it on its own'
        : 'is not Terraform JSON (no resource, data, provider, terraform, module, … block), yet Terraform reads every *.tf.json in the directory',
    );
  }
  return doc;
}
