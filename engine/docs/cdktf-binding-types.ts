/**
 * The shape of engine/docs/cdktf-bindings.ts, the generated table of how cdktf spells the resource types the
 * rules use (scripts/generate-cdktf-bindings.js reads it from the installed provider bindings).
 */

/**
 * What a configuration field holds in cdktf: a scalar, a list or map of something, or a nested block (one
 * object in cdktf, whatever Terraform JSON wrote); a repeated block is a list of blocks (an array in cdktf).
 * `any` is a JSON-typed attribute, written as is. A block's `required` are the Terraform names of the
 * fields cdktf's types require (always in the table, since an example may leave them out).
 */
export type CdktfType =
  | 'string'
  | 'number'
  | 'boolean'
  | 'any'
  | { readonly list: CdktfType }
  | { readonly map: CdktfType }
  | { readonly block: CdktfFields; readonly required?: readonly string[] };

/** A field: its type when cdktf calls it by the camelCase of its Terraform name, else its cdktf name too. */
export type CdktfField = CdktfType | { readonly name: string; readonly type: CdktfType };

/** Terraform name → field. Only the fields the rules' examples and fix texts use are in the table. */
export type CdktfFields = Readonly<Record<string, CdktfField>>;

export interface CdktfBinding {
  /** The module the class is imported from: a provider package's deep path, or this package's subpath. */
  readonly module: string;
  readonly className: string;
  readonly fields: CdktfFields;
  /** The Terraform names of the fields the config requires. */
  readonly required?: readonly string[];
}

export interface CdktfBindingTable {
  /** The provider packages the table was read from, with their versions. */
  readonly versions: Readonly<Record<string, string>>;
  /** By Terraform resource type. */
  readonly bindings: Readonly<Record<string, CdktfBinding>>;
  /** Resource types the rules use that no installed binding declares (a user generates them with `cdktf get`). */
  readonly unbound: readonly string[];
}
