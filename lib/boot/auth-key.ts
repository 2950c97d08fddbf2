/**
 * How a relay gets its tailnet auth key, without the key ever being a literal in our output.
 *
 * Both ways end the same: the key is a root-only 0600 file in /run/derp-boot (tmpfs, so never on
 * disk), `tailscale up --auth-key=file:/run/derp-boot/tailscale-authkey` reads it (not argv, not
 * the environment, so not in /proc/<pid>/cmdline or /proc/<pid>/environ), and tailscale-join.sh
 * shreds it on exit, success or not. From then on tailscaled's own state keeps the node joined.
 */
import { AUTH_KEY_FILE } from './scripts/paths';
import { BootConfigError, TERRAFORM_REFERENCE, validateAwsRegion, validateSecretId } from './validate';

/**
 * AWS: the key lives in Secrets Manager; at boot the instance role reads it
 * (`aws secretsmanager get-secret-value --secret-id <id> --region <region> --query SecretString`,
 * installing the AWS CLI first if the image has none). The user data holds only the secret's id.
 * The secret's SecretString must be the bare key (`tskey-auth-...`), not JSON.
 * The instance role needs `secretsmanager:GetSecretValue` on this secret only (and
 * `kms:Decrypt` on its key if that is a customer managed key).
 */
export interface AwsSecretsManagerAuthKey {
  readonly kind: 'aws-secrets-manager';
  /** Secret name, ARN, or a Terraform reference to either (e.g. `${aws_secretsmanager_secret.relay.arn}`). */
  readonly secretId: string;
  /** Region of the secret, e.g. `eu-central-1`. */
  readonly region: string;
}

/**
 * DigitalOcean: there is no secret store and no instance identity a droplet could use to fetch a
 * secret, so the key has to travel in the user data. What we do to keep that acceptable:
 *
 * 1. The key is never a literal in what we render. {@link terraformReference} is an opaque
 *    Terraform reference such as `${tailscale_tailnet_key.relay.key}` (or the cdktf token for it);
 *    Terraform substitutes the value only when it sends the user data to DigitalOcean.
 * 2. The key should be as weak as a key can be: `reusable = false` (single use), `preauthorized =
 *    true`, `ephemeral = false`, `tags = ["tag:derp", ...]` (it can only create a node with
 *    the relay's tags, whose ACL grants should be tiny), and a short `expiry` (e.g. 3600 seconds,
 *    enough for the droplet to boot). The construct owns the `tailscale_tailnet_key` resource;
 *    this module cannot check these properties.
 * 3. cloud-init's write_files puts it in /run/derp-boot/tailscale-authkey with mode 0600, inside a
 *    0700 directory that bootcmd creates before write_files runs (so there is no moment at which
 *    the file is readable by others), tmpfs only; it is consumed once at first boot and shredded.
 * 4. The host firewall drops traffic from any non-root process to the metadata service
 *    (169.254.169.254), and derper's and the exporter's units deny it too, so a compromised
 *    service cannot read the user data (see `metadataServiceAccess`).
 *
 * Residual risk, stated plainly: the rendered user data (with the key substituted) stays readable
 * from the droplet's metadata service (http://169.254.169.254/metadata/v1/user-data) by root on
 * the droplet for the droplet's whole life, sits in cloud-init's root-only copies under
 * /var/lib/cloud/, and is in the Terraform state. That key is usable by whoever reads it until it
 * is used (single use: the relay uses it within minutes of creation) or it expires, whichever comes
 * first; after that it is worthless. Protect the Terraform state as the secret it is.
 *
 * Alternatives considered and rejected:
 * - a Tailscale OAuth client secret in the user data: it never expires and can mint keys; worse.
 * - a pre-signed URL (e.g. Spaces) to fetch the key from: still a bearer secret in the user data,
 *   with a second service to secure; no better.
 * - pushing the key over SSH from Terraform (remote-exec): keeps it out of the metadata service,
 *   but needs SSH open to the Terraform runner and a long-lived SSH key; a larger attack surface
 *   than a single-use key that dies within minutes.
 */
export interface DigitalOceanMetadataAuthKey {
  readonly kind: 'digitalocean-metadata';
  /**
   * Terraform reference to the key, e.g. `${tailscale_tailnet_key.relay.key}`. Must be a reference,
   * never the key itself: a value starting with `tskey-` is refused.
   */
  readonly terraformReference: string;
}

/** Where the relay's tailnet auth key comes from. */
export type TailnetAuthKeySource = AwsSecretsManagerAuthKey | DigitalOceanMetadataAuthKey;

/** Validates the source and returns it unchanged. */
export function validateAuthKeySource(source: TailnetAuthKeySource): TailnetAuthKeySource {
  if (source === null || typeof source !== 'object') {
    throw new BootConfigError('authKey', source, "must be { kind: 'aws-secrets-manager', ... } or { kind: 'digitalocean-metadata', ... }");
  }
  switch (source.kind) {
    case 'aws-secrets-manager':
      if (typeof source.secretId === 'string' && /tskey-/i.test(source.secretId)) {
        throw new BootConfigError('authKey.secretId', '<redacted>', 'looks like a literal Tailscale auth key; pass the id of the secret that holds it');
      }
      validateSecretId('authKey.secretId', source.secretId);
      validateAwsRegion('authKey.region', source.region);
      return source;
    case 'digitalocean-metadata': {
      const ref = source.terraformReference;
      if (typeof ref === 'string' && /tskey-/i.test(ref)) {
        // Do not echo the value: it is probably a real key.
        throw new BootConfigError(
          'authKey.terraformReference',
          '<redacted>',
          'looks like a literal Tailscale auth key; pass a Terraform reference such as ${tailscale_tailnet_key.relay.key}',
        );
      }
      if (typeof ref !== 'string' || !TERRAFORM_REFERENCE.test(ref)) {
        throw new BootConfigError('authKey.terraformReference', ref, 'must be a Terraform reference such as ${tailscale_tailnet_key.relay.key}');
      }
      return source;
    }
    default:
      throw new BootConfigError('authKey.kind', (source as { kind?: unknown }).kind, "must be 'aws-secrets-manager' or 'digitalocean-metadata'");
  }
}

export { AUTH_KEY_FILE };
