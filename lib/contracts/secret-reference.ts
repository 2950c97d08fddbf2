/**
 * How a construct that needs a secret (a relay's tailnet auth key) is told where it lives, without a
 * cdktf cross-stack reference (which would add a terraform_remote_state data source): plain names and
 * ARNs computed from the account, region and name.
 */
export interface SecretReference {
  /** Path-like secret name, e.g. `join-keys/900a`. */
  readonly name: string;
  /** ARN, or ARN pattern ending in `-??????`/`*` (Secrets Manager appends a random suffix). */
  readonly arn: string;
  /** Region the secret lives in. */
  readonly region: string;
  /** ARN of the customer-managed KMS key that encrypts it (for `kms:Decrypt` with `kms:ViaService`). */
  readonly kmsKeyArn: string;
}
