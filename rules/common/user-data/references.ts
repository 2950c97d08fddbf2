/**
 * Is a Terraform reference inside user data a secret? Known secret-bearing attributes (and attribute names
 * that say "password", "secret", "token"…) are; identifiers, names and addresses are not; anything else
 * cannot be told and is unknown.
 */

export interface Reference {
  /** As written, e.g. `aws_iam_access_key.deploy.secret` or `data.aws_ssm_parameter.x.value`. */
  readonly text: string;
  readonly mode: 'managed' | 'data';
  /** Inside a local module that was read: its address with a trailing dot (`module.app.`), else ''. */
  readonly module: string;
  readonly type: string;
  readonly name: string;
  /** The first attribute after the resource, if any (`secret` in `aws_iam_access_key.deploy[0].secret`). */
  readonly attribute?: string;
}

export type ReferenceClass = 'secret' | 'not-secret' | 'undetermined';

const NOT_RESOURCES = new Set(['var', 'local', 'module', 'each', 'count', 'path', 'terraform', 'self', 'data']);

/**
 * `type.name[index].attribute` or `data.type.name…`, anywhere in expression code (strings already cut out),
 * also with the module path a read local module's own references carry (`module.app[0].random_password.p.result`).
 */
const REFERENCE =
  /(?<![A-Za-z0-9_.\]])((?:module\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?\.)*)(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)((?:\[[^\]]*\]|\.\*)*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?/g;

export function findReferences(code: string): Reference[] {
  const found: Reference[] = [];
  for (const m of code.matchAll(REFERENCE)) {
    const [text, module, data, type, name, , attribute] = m;
    if (!data && NOT_RESOURCES.has(type)) continue;
    found.push({ text, mode: data ? 'data' : 'managed', module, type, name, ...(attribute ? { attribute } : {}) });
  }
  return found;
}

/** Secret attributes of specific types (`data.` prefix for data sources). */
const SECRET_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  // The access key id is half of a static credential: user data holding it holds (or fetches) the other half.
  aws_iam_access_key: ['id', 'secret', 'ses_smtp_password_v4', 'encrypted_secret', 'encrypted_ses_smtp_password_v4'],
  random_password: ['result', 'bcrypt_hash'],
  tls_private_key: ['private_key_pem', 'private_key_openssh', 'private_key_pem_pkcs8'],
  aws_secretsmanager_secret_version: ['secret_string', 'secret_binary'],
  'data.aws_secretsmanager_secret_version': ['secret_string', 'secret_binary'],
  aws_ssm_parameter: ['value'],
  'data.aws_ssm_parameter': ['value'],
  'data.aws_kms_secrets': ['plaintext'],
  tailscale_tailnet_key: ['key'],
  digitalocean_spaces_key: ['access_key', 'secret_key'],
  digitalocean_database_cluster: ['password', 'uri', 'private_uri'],
  digitalocean_database_user: ['password'],
  digitalocean_database_connection_pool: ['password', 'uri', 'private_uri'],
  digitalocean_kubernetes_cluster: ['kube_config'],
  digitalocean_container_registry_docker_credentials: ['docker_credentials'],
};

/** Attribute names that hold a secret on any resource type (db passwords, tokens, private keys…). */
const SECRET_NAME = /(?:password|passwd|secret|token|private_key|credential|kube_config|auth_key|api_key|^plaintext$|^uri$|private_uri)/;

/** Attributes that identify or locate something and are never secret. */
const NOT_SECRET = new Set([
  'id',
  'arn',
  'name',
  'unique_id',
  'owner_id',
  'account_id',
  'key_id',
  'key_name',
  'urn',
  'region',
  'availability_zone',
  'private_ip',
  'public_ip',
  'private_dns',
  'public_dns',
  'ipv4_address',
  'ipv4_address_private',
  'ipv6_address',
  'ip_address',
  'address',
  'endpoint',
  'reader_endpoint',
  'dns_name',
  'zone_id',
  'port',
  'host',
  'private_host',
  'hostname',
  'fqdn',
  'url',
  'bucket',
  'bucket_domain_name',
  'bucket_regional_domain_name',
  'repository_url',
  'registry_id',
  'invoke_arn',
  'vpc_id',
  'subnet_id',
  'cidr_block',
  'ipv6_cidr_block',
  'database',
  'user',
  'username',
  'version',
  'version_id',
  'public_key',
  'public_key_openssh',
  'public_key_pem',
  'public_key_fingerprint_md5',
  'public_key_fingerprint_sha256',
  'fingerprint',
  'cert_pem',
  'certificate_pem',
  'certificate_body',
  'certificate_chain',
]);

export function classifyReference(ref: Reference): ReferenceClass {
  if (ref.attribute === undefined) return 'undetermined';
  const key = ref.mode === 'data' ? `data.${ref.type}` : ref.type;
  if (SECRET_ATTRIBUTES[key]?.includes(ref.attribute)) return 'secret';
  if (SECRET_NAME.test(ref.attribute)) return 'secret';
  if (NOT_SECRET.has(ref.attribute)) return 'not-secret';
  return 'undetermined';
}

/** Whether `code` is nothing but one reference (so its classification is the expression's). */
export function isSingleReference(code: string, ref: Reference): boolean {
  return code.trim() === ref.text;
}
