/**
 * A Terraform root module as Terraform reads it: every `*.tf` and `*.tf.json` file in one directory (not
 * its subdirectories), with the files Terraform ignores left out, and override files merged last. This,
 * not one `cdk.tf.json`, is the unit both entry points check: a file that lands beside `cdk.tf.json` is
 * applied by Terraform, so it is checked, or the directory is refused.
 *
 * Terraform's rules (internal/configs/parser_config_dir.go): hidden files (`.x`), editor backups (`x~`)
 * and Emacs lock files (`#x#`) are ignored; a file whose name without extension is `override` or ends in
 * `_override` is an override file; override files are applied after all others, in lexical order.
 */
import * as fs from 'fs';
import * as path from 'path';
import { GuardrailInputError } from './input-error';
import { readProblem } from './read-json';

export interface TerraformFile {
  /** The file's name in the directory. */
  readonly name: string;
  /** Absolute path. */
  readonly file: string;
  readonly syntax: 'json' | 'hcl';
  readonly override: boolean;
}

export interface ListOptions {
  /** Names the directory in errors. */
  readonly label: string;
  /**
   * Whether a symbolic link may stand for a configuration file. At synth no: cdktf writes none, and one
   * could be pointed elsewhere after the check. The CLI reads the file the link leads to (which must be a
   * regular file; that is checked when it is read).
   */
  readonly symlinks: 'refuse' | 'follow';
}

/** Whether Terraform skips a directory entry of this name (hidden, editor backup or lock file). */
export function isIgnoredByTerraform(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || (name.startsWith('#') && name.endsWith('#'));
}

function syntaxOf(name: string): 'json' | 'hcl' | undefined {
  if (name.endsWith('.tf.json')) return 'json';
  if (name.endsWith('.tf')) return 'hcl';
  return undefined;
}

function isOverrideName(name: string): boolean {
  const stem = name.replace(/\.tf(\.json)?$/, '');
  return stem === 'override' || stem.endsWith('_override');
}

/** The configuration files Terraform reads in `dir`: primary files first, then override files, each sorted. */
export function terraformFiles(dir: string, options: ListOptions): TerraformFile[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    throw new GuardrailInputError(options.label, readProblem(error));
  }
  const files: TerraformFile[] = [];
  for (const entry of entries) {
    const syntax = syntaxOf(entry.name);
    if (syntax === undefined || isIgnoredByTerraform(entry.name)) continue;
    const file = path.join(dir, entry.name);
    const where = `${options.label}/${entry.name}`;
    if (entry.isSymbolicLink() && options.symlinks === 'refuse') {
      throw new GuardrailInputError(where, 'is a symbolic link; Terraform would read whatever it points to when it runs, which is not what was checked');
    }
    if (entry.isDirectory()) {
      throw new GuardrailInputError(where, 'is a directory named like a Terraform configuration file; Terraform cannot read it and neither can this tool');
    }
    if (!entry.isFile() && !entry.isSymbolicLink()) {
      throw new GuardrailInputError(where, 'is not a regular file (a FIFO, socket or device) named like a Terraform configuration file');
    }
    files.push({ name: entry.name, file, syntax, override: isOverrideName(entry.name) });
  }
  // Terraform sorts by name in Go's byte order (of the UTF-8 name); so does this: not by locale, and not by
  // JavaScript's `<`, which compares UTF-16 code units and puts a name with an emoji before one with `～`.
  const byName = (a: TerraformFile, b: TerraformFile) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name));
  return [...files.filter((f) => !f.override).sort(byName), ...files.filter((f) => f.override).sort(byName)];
}
