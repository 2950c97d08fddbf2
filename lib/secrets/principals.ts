/**
 * Who may touch a secret: an IAM role (by name or ARN) and/or a tailnet identity (for a setec server). One
 * parsed form, so the IAM policy, the KMS key policy and the tailnet grant are all written from the same value.
 */
import { cdk } from '../../aspects/cdk';
import { AUTOGROUP, GROUP, TAG, USER } from '../tailnet/syntax';
import { IAM_ROLE_NAME } from './names';

/**
 * A principal of a grant, a writer or a reader. At least one of `iamRole` and `tailnet`.
 */
export interface SecretPrincipal {
  /**
   * Tailnet source of the setec grant: `group:infra`, `tag:derp`, `alice@example.com`, `autogroup:admin`.
   * Used only when the store declares a setec server (`setecServerTag`); see SecretStoreProps.setecServerTag.
   * @default no tailnet grant
   */
  readonly tailnet?: string;
  /**
   * The IAM role that gets an `aws_iam_role_policy` for the granted secrets and the key policy's consent to
   * use the store's key for them: a role name (`derp-relay-900a`) or a role ARN of the store's account
   * (`arn:aws:iam::123456789012:role/ci/deploy`, path allowed).
   * @default no IAM access
   */
  readonly iamRole?: string;
  /**
   * Same as `iamRole`, by name only.
   * @deprecated use iamRole (which also takes an ARN).
   * @default no IAM access
   */
  readonly iamRoleName?: string;
}

/** A writer or reader: an IAM role (name or ARN) as a string, or a full principal. */
export type SecretAccessor = string | SecretPrincipal;

/** An IAM role, parsed. */
export interface IamRoleRef {
  /** The role's name (last segment): what `aws_iam_role_policy.role` takes. */
  readonly name: string;
  /** `aws:PrincipalArn` values that match exactly this role (with any path when only the name is known). */
  readonly principalArns: readonly string[];
  /** As given, for messages and comparisons. */
  readonly given: string;
}

const ROLE_ARN = /^arn:aws:iam::([0-9]{12}):role\/((?:[\w+=,.@-]+\/)*)([\w+=,.@-]{1,64})$/;

/** The role, or why it is not one. */
export function parseIamRole(value: unknown, accountId: string): IamRoleRef | string {
  if (typeof value !== 'string' || value.length === 0) return 'must be an IAM role name or role ARN (a string)';
  if (cdk.Token.isUnresolved(value)) return 'must be a literal (it is written into the key policy at synth), not a Terraform token';
  const arn = ROLE_ARN.exec(value);
  if (arn) {
    if (arn[1] !== accountId) return `is a role of account ${arn[1]}; the store (account ${accountId}) can only attach policies to its own roles`;
    return { name: arn[3], principalArns: [value], given: value };
  }
  if (value.startsWith('arn:')) return `must be a role ARN 'arn:aws:iam::${accountId}:role/[path/]name'`;
  if (!IAM_ROLE_NAME.test(value)) return 'must be an IAM role name (1-64 of letters, digits and + = , . @ _ -; no path) or a role ARN';
  return { name: value, principalArns: [`arn:aws:iam::${accountId}:role/${value}`, `arn:aws:iam::${accountId}:role/*/${value}`], given: value };
}

/** Why `tailnet` is not a tailnet identity, or undefined. */
export function tailnetIdentityProblem(tailnet: unknown): string | undefined {
  if (typeof tailnet === 'string' && (TAG.test(tailnet) || GROUP.test(tailnet) || USER.test(tailnet) || AUTOGROUP.test(tailnet))) return undefined;
  return "must be a tailnet identity: 'group:infra', 'tag:derp', a user 'name@domain' or an autogroup";
}
