/**
 * The user data of a DERP relay node: a `#cloud-config` document for aws_instance.user_data or
 * digitalocean_droplet.user_data.
 *
 * Format: compact JSON after the `#cloud-config` header (JSON is YAML; cloud-init accepts it). Every
 * other YAML document lib/ writes goes through the `yaml` package (lib/monitoring/yaml.ts); this one
 * stays JSON for size. AWS caps user data at 16 KiB; the AWS relay sends it gzip-compressed
 * ({@link UserDataEncoding}), DigitalOcean (64 KiB) as text, because its key is a Terraform reference.
 *
 * Terraform caveat this module guards against: Terraform treats `${...}` and `%{...}` in any string
 * as template syntax, including user_data. The only `${` our output may contain is a Terraform
 * reference the caller passed on purpose (the DigitalOcean key, or a Secrets Manager ARN
 * reference); the scripts avoid `${var}` in shell for that reason, and rendering fails if anything
 * else slips in.
 */
import { gzipSync } from 'zlib';
import { AUTH_KEY_FILE, TailnetAuthKeySource, validateAuthKeySource } from './auth-key';
import { BootEnv, BOOT_ENV_PATH, renderBootEnv } from './boot-env';
import { DerpCertMode, derperUnit } from './derper-unit';
import { hostFirewallUnit, HOST_FIREWALL_RULESET_PATH, MetadataServiceAccess, renderHostFirewallRuleset } from './host-firewall';
import { NODE_EXPORTER_SOURCES, NodeExporterSource, nodeExporterUnit } from './node-exporter-unit';
import { BOOTSTRAP_SCRIPT } from './scripts/bootstrap';
import { INSTALL_DERPER_SCRIPT } from './scripts/install-derper';
import { INSTALL_NODE_EXPORTER_SCRIPT } from './scripts/install-node-exporter';
import { INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT } from './scripts/install-node-exporter-package';
import { INSTALL_TAILSCALE_SCRIPT } from './scripts/install-tailscale';
import { NODE_EXPORTER_START_SCRIPT } from './scripts/node-exporter-start';
import { AUTH_KEY_DIR, BOOT_LIB_DIR } from './scripts/paths';
import { stripComments } from './scripts/strip-comments';
import { TAILSCALE_JOIN_SCRIPT } from './scripts/tailscale-join';
import { renderSysctlConf, SYSCTL_PATH } from './sysctl';
import { renderSystemdUnit, SystemdUnit } from './systemd-unit';
import { AWS_USER_DATA_MAX_BYTES, DIGITALOCEAN_USER_DATA_MAX_BYTES } from './user-data-limits';
import {
  BootConfigError,
  TERRAFORM_REFERENCE,
  validateAwsRegion,
  validateFqdn,
  validateOneOf,
  validateSecretId,
  validateSha256,
  validateTag,
  validateVersion,
} from './validate';
import {
  Architecture,
  compareVersions,
  GO_TOOLCHAIN,
  MIN_TAILSCALE_VERSION,
  NODE_EXPORTER_VERSION,
  PinnedArchive,
  TAILSCALE_REPO_KEY_FINGERPRINT,
  TAILSCALE_VERSION,
} from './versions';

/** The OS image the relay boots. Both have cloud-init, systemd and nftables. */
export type Distribution = 'ubuntu-24.04' | 'debian-12';

const DISTRIBUTIONS: Readonly<Record<Distribution, { readonly distro: string; readonly codename: string }>> = {
  'ubuntu-24.04': { distro: 'ubuntu', codename: 'noble' },
  'debian-12': { distro: 'debian', codename: 'bookworm' },
};

export { AWS_USER_DATA_MAX_BYTES, DIGITALOCEAN_USER_DATA_MAX_BYTES };

/** Room kept per Terraform reference for the value Terraform substitutes. */
const REFERENCE_RESERVE_BYTES = 256;

/** The tag every relay carries; ACLs grant the relay's (tiny) access to this tag. */
export const DERP_TAG = 'tag:derp';

/**
 * Node exporter from the upstream release tarball (github.com/prometheus/node_exporter), checked
 * against a sha256 you pin. The shape every caller used before `source` existed.
 */
export interface NodeExporterPin {
  /**
   * Discriminant; may be left out whenever `sha256` is given (the only source that takes one).
   * An object without `source` is always read as a release tarball, so `{}` is an error (missing
   * sha256), never silently another source.
   * @default 'release-tarball'
   */
  readonly source?: 'release-tarball';
  /**
   * Release version.
   * @default NODE_EXPORTER_VERSION
   */
  readonly version?: string;
  /**
   * sha256 of `node_exporter-<version>.linux-<architecture>.tar.gz`. Required, no default: take it
   * from the release's sha256sums.txt and confirm it from a second source.
   */
  readonly sha256: string;
}

/**
 * Node exporter from the distribution's own `prometheus-node-exporter` package (Ubuntu 24.04,
 * Debian 12; binary /usr/bin/prometheus-node-exporter). apt verifies it against the archive's
 * signing keys, so nothing is pinned: the version is the distribution's (Debian 12: 1.5.0, which
 * accepts every flag our unit passes), and giving a `version` or `sha256` with this source is an
 * error. unattended-upgrades installs the fixes the distribution publishes to the origins it
 * follows: on Debian 12 the security archive and point releases; on Ubuntu 24.04 the -security
 * pocket (the package is in universe, whose fixes often come only through Ubuntu Pro's ESM Apps).
 * Our hardened unit runs it, not the package's.
 */
export interface NodeExporterDistributionPackage {
  readonly source: 'distribution-package';
}

/** Where the relay's node exporter comes from. */
export type NodeExporterInstall = NodeExporterPin | NodeExporterDistributionPackage;

/** The node exporter source when `versions.nodeExporter` is left out. */
export const DEFAULT_NODE_EXPORTER: NodeExporterDistributionPackage = Object.freeze({ source: 'distribution-package' });

/** Pinned versions of what the relay downloads. */
export interface DerpVersions {
  /**
   * Tailscale version for both the `tailscale` deb and derper (built from the same tag).
   * @default TAILSCALE_VERSION
   */
  readonly tailscale?: string;
  /**
   * Go toolchain that builds derper, with the sha256 of its linux tarball for `architecture`.
   * @default GO_TOOLCHAIN[architecture]
   */
  readonly goToolchain?: PinnedArchive;
  /**
   * Where the node exporter comes from. The default is the distribution package: verifiable
   * without a checksum of ours (apt checks the archive signature) and updated by
   * unattended-upgrades (see {@link NodeExporterDistributionPackage}). Pin a release tarball with
   * `{ sha256, version? }` for a newer exporter than the distribution ships.
   * @default { source: 'distribution-package' }
   */
  readonly nodeExporter?: NodeExporterInstall;
  /**
   * sha256 of the derper binary the boot builds, per architecture (lower-case hex). The boot
   * refuses to install (so never starts) a derper with another hash. derper's build is
   * reproducible: build `tailscale.com/cmd/derper@v<tailscale>` once on a machine you trust, the
   * way install-derper.sh does (Go {@link goToolchain}, `GOFLAGS=-trimpath`, `CGO_ENABLED=0`,
   * `GOARCH=<architecture>`), and pin `sha256sum derper`; or pin the hash a first boot logged,
   * after checking it against such a build.
   * @default none: rendering refuses, unless {@link trustUnpinnedDerperBuild} says otherwise
   */
  readonly derperSha256?: Readonly<Partial<Record<Architecture, string>>>;
  /**
   * Install whatever derper the boot builds, checking no hash (it is logged). What is given up: a
   * compromised module proxy, toolchain mirror or build host gives you a relay you did not review.
   * @default false
   */
  readonly trustUnpinnedDerperBuild?: boolean;
}

/** The secret holding the region's mesh key, read at boot with the instance role (AWS Secrets Manager). */
export interface MeshKeySource {
  /** Secret name or ARN. Its value: 64 lower-case hex digits (derper's `-mesh-psk-file` format). */
  readonly secretId: string;
  /** Region of the secret. */
  readonly region: string;
}

/** derper's mesh with the other nodes of its region. */
export interface DerpMeshOptions {
  /** Host names of every node of the region, this one included (derper's `-mesh-with`). */
  readonly with: readonly string[];
  /** Where the region's shared key comes from. */
  readonly key: MeshKeySource;
}

/** Options of {@link renderDerpUserData}. */
export interface DerpUserDataOptions {
  /**
   * Public FQDN of the relay (lower case), e.g. `derp1.example.com`: derper's `-hostname`, the
   * certificate name and the host's FQDN. Its first label becomes the host name and the tailnet
   * node name. Must be a literal: the certificate and the DERP map are built from it.
   */
  readonly hostname: string;
  /**
   * `letsencrypt`: derper gets its certificate from Let's Encrypt and serves HTTP on 80 for ACME.
   * `manual`: derper reads `<hostname>.crt`/`.key` from `manualCertDir`, which something else
   * (not this user data) must put on the host; derper retries every 5 s until they are there.
   * @default 'letsencrypt'
   */
  readonly certMode?: DerpCertMode;
  /**
   * Root-only directory holding the manual certificate files. Only used with `certMode: 'manual'`.
   * @default '/etc/derper/certs'
   */
  readonly manualCertDir?: string;
  /** Where the tailnet auth key comes from. It never appears in the user data as a literal. */
  readonly authKey: TailnetAuthKeySource;
  /**
   * Pinned versions, and where the node exporter comes from.
   * @default {} (every version at its default; node exporter from the distribution package)
   */
  readonly versions?: DerpVersions;
  /**
   * Tags advertised in addition to `tag:derp`. The auth key must be allowed to apply all of them.
   * @default []
   */
  readonly extraTags?: readonly string[];
  /**
   * CPU architecture of the image; bootstrap.sh refuses to run on another.
   * @default 'amd64'
   */
  readonly architecture?: Architecture;
  /**
   * OS image, selecting the tailscale apt repository path and codename.
   * @default 'ubuntu-24.04'
   */
  readonly distribution?: Distribution;
  /**
   * Who may reach the instance metadata service. See {@link MetadataServiceAccess}.
   * @default 'root-only'
   */
  readonly metadataServiceAccess?: MetadataServiceAccess;
  /**
   * Mesh with the region's other nodes (a region of more than one node needs it).
   * @default none: a region of one node
   */
  readonly mesh?: DerpMeshOptions;
}

/** One cloud-init `write_files` entry. */
export interface WriteFile {
  readonly path: string;
  readonly content: string;
  readonly owner: string;
  readonly permissions: string;
}

/** The cloud-config document (the subset of cloud-init's schema we use). */
export interface DerpCloudConfig {
  readonly hostname: string;
  readonly fqdn: string;
  readonly ssh_pwauth: boolean;
  readonly package_update: boolean;
  readonly package_upgrade: boolean;
  readonly packages: readonly string[];
  readonly bootcmd: readonly (readonly string[])[];
  readonly write_files: readonly WriteFile[];
  readonly runcmd: readonly (readonly string[])[];
}

/**
 * Distribution packages the boot scripts use; tailscale itself is installed pinned by
 * install-tailscale.sh. Never the node exporter package: cloud-init installs these in its final
 * stage before runcmd, i.e. before bootstrap.sh loads the host firewall; install-node-exporter.sh
 * installs it after that.
 */
const PACKAGES = ['ca-certificates', 'curl', 'gnupg', 'nftables', 'unattended-upgrades'] as const;

/** Daily package lists and unattended upgrades (security origins by default on both distributions). */
const AUTO_UPGRADES = 'APT::Periodic::Update-Package-Lists "1";\nAPT::Periodic::Unattended-Upgrade "1";\n';

/** Builds the cloud-config document. Throws {@link BootConfigError} naming the bad option. */
export function buildDerpCloudConfig(options: DerpUserDataOptions): DerpCloudConfig {
  if (options === null || typeof options !== 'object') {
    throw new BootConfigError('options', options, 'must be an object');
  }
  const hostname = validateFqdn('hostname', options.hostname);
  const architecture = validateOneOf('architecture', options.architecture ?? 'amd64', ['amd64', 'arm64'] as const);
  const distribution = validateOneOf('distribution', options.distribution ?? 'ubuntu-24.04', Object.keys(DISTRIBUTIONS) as Distribution[]);
  const authKey = validateAuthKeySource(options.authKey);
  const versions = resolveVersions(options.versions, architecture);
  const tags = resolveTags(options.extraTags ?? []);
  const nodeName = hostname.split('.')[0];
  const { distro, codename } = DISTRIBUTIONS[distribution];
  const mesh = resolveMesh(options.mesh);
  const certMode = validateOneOf('certMode', options.certMode ?? 'letsencrypt', ['letsencrypt', 'manual'] as const);

  const env: BootEnv = {
    DERP_HOSTNAME: hostname,
    DERP_ARCH: architecture,
    DERP_DISTRO: distro,
    DERP_DISTRO_CODENAME: codename,
    TAILSCALE_VERSION: versions.tailscale,
    TAILSCALE_KEY_FINGERPRINT: TAILSCALE_REPO_KEY_FINGERPRINT,
    TAILSCALE_TAGS: tags.join(','),
    TAILSCALE_NODE_NAME: nodeName,
    AUTH_KEY_SOURCE: authKey.kind,
    AUTH_KEY_SECRET_ID: authKey.kind === 'aws-secrets-manager' ? authKey.secretId : '',
    AUTH_KEY_REGION: authKey.kind === 'aws-secrets-manager' ? authKey.region : '',
    GO_VERSION: versions.go.version,
    GO_SHA256: versions.go.sha256,
    DERPER_SHA256: versions.derperSha256,
    MESH_KEY_SECRET_ID: mesh?.key.secretId ?? '',
    MESH_KEY_REGION: mesh?.key.region ?? '',
    // Only for the tarball: the distribution package has no version or checksum of ours.
    ...(versions.nodeExporter.source === 'release-tarball'
      ? { NODE_EXPORTER_VERSION: versions.nodeExporter.version, NODE_EXPORTER_SHA256: versions.nodeExporter.sha256 }
      : {}),
  };

  const units: SystemdUnit[] = [
    hostFirewallUnit(),
    derperUnit({ hostname, certMode, manualCertDir: options.manualCertDir, ...(mesh ? { meshWith: mesh.with } : {}) }),
    nodeExporterUnit({ source: versions.nodeExporter.source }),
  ];

  const writeFiles: WriteFile[] = [
    rootOnly(BOOT_ENV_PATH, renderBootEnv(env)),
    rootScript('bootstrap.sh', BOOTSTRAP_SCRIPT),
    rootScript('install-tailscale.sh', INSTALL_TAILSCALE_SCRIPT),
    rootScript('tailscale-join.sh', TAILSCALE_JOIN_SCRIPT),
    rootScript('install-derper.sh', INSTALL_DERPER_SCRIPT),
    // Only the installer for the chosen source ships (no tarball download in a package install).
    rootScript('install-node-exporter.sh', INSTALL_NODE_EXPORTER_SCRIPTS[versions.nodeExporter.source]),
    // Run by the exporter's dynamic user, so world-executable; it holds nothing secret.
    { path: `${BOOT_LIB_DIR}/node-exporter-start.sh`, content: stripComments(NODE_EXPORTER_START_SCRIPT), owner: 'root:root', permissions: '0755' },
    publicFile(SYSCTL_PATH, renderSysctlConf()),
    publicFile('/etc/apt/apt.conf.d/20auto-upgrades', AUTO_UPGRADES),
    publicFile(HOST_FIREWALL_RULESET_PATH, renderHostFirewallRuleset({ metadataServiceAccess: options.metadataServiceAccess, certMode })),
    // Written in cloud-init's first stage (write_files), long before bootstrap.sh installs anything:
    // the node exporter unit overrides the distribution package's unit of the same name from the start.
    ...units.map((u) => publicFile(`/etc/systemd/system/${u.name}`, renderSystemdUnit(u))),
  ];
  if (authKey.kind === 'digitalocean-metadata') {
    // Terraform substitutes the key here when it sends the user data; we only ever hold the reference.
    writeFiles.push(rootOnly(AUTH_KEY_FILE, authKey.terraformReference));
  }

  return {
    hostname: nodeName,
    fqdn: hostname,
    ssh_pwauth: false,
    package_update: true,
    package_upgrade: true,
    packages: PACKAGES,
    // bootcmd runs before write_files: the key's directory exists, root-only, before the key is written.
    // It also runs before sshd (cloud-init.service orders itself before ssh.service): masked, it never
    // starts; bootstrap.sh stops a socket-activated one the image may have started earlier.
    bootcmd: [
      ['install', '-d', '-m', '0700', '-o', 'root', '-g', 'root', AUTH_KEY_DIR],
      ['systemctl', 'mask', 'ssh.service', 'ssh.socket'],
    ],
    write_files: writeFiles,
    runcmd: [[`${BOOT_LIB_DIR}/bootstrap.sh`]],
  };
}

/**
 * How the user data travels. `text`: as is (`user_data`; the only form that can hold a Terraform
 * reference, which Terraform substitutes: DigitalOcean's key). `gzip`: gzip-compressed and base64-encoded
 * (`user_data_base64`; cloud-init decompresses it), which AWS relays use: EC2's 16 KiB counts the raw
 * (compressed) bytes, and the boot configuration is larger than that as text.
 */
export type UserDataEncoding = 'text' | 'gzip';

/**
 * Renders the relay's user data: `#cloud-config` followed by the document as JSON. The size limit is
 * checked on the bytes the cloud receives in `encoding` (see {@link UserDataEncoding}; `gzip` needs a
 * document without Terraform references). Default: `gzip` for AWS Secrets Manager keys named literally,
 * `text` otherwise. Throws {@link BootConfigError} naming the option for invalid input.
 */
export function renderDerpUserData(options: DerpUserDataOptions, encoding?: UserDataEncoding): string {
  const doc = buildDerpCloudConfig(options);
  // Compact JSON: indentation alone costs ~700 bytes.
  const text = `#cloud-config\n${JSON.stringify(doc)}\n`;
  const references = intendedReferences(options.authKey);
  if (options.authKey.kind === 'aws-secrets-manager' && references.length > 0) {
    throw new BootConfigError(
      'authKey.secretId',
      options.authKey.secretId,
      "must be the secret's literal name or ARN: AWS user data is sent gzip-compressed (as text the relay's boot configuration is over EC2's 16 KiB), and Terraform substitutes references only in text",
    );
  }
  // AWS: gzip (a literal secret name, no reference); DigitalOcean: text (its key is a reference).
  encoding ??= options.authKey.kind === 'aws-secrets-manager' ? 'gzip' : 'text';
  assertOnlyIntendedTerraformReferences(text, references);
  if (encoding === 'gzip' && references.length > 0) {
    throw new BootConfigError('authKey', '<a Terraform reference>', 'cannot be sent gzip-compressed: Terraform substitutes references only in text user data');
  }
  // Fail at synth, not at apply. Terraform substitutes the references afterwards; what they
  // resolve to (a secret ARN, a tskey) is well under REFERENCE_RESERVE_BYTES each.
  const limit =
    (options.authKey.kind === 'aws-secrets-manager' ? AWS_USER_DATA_MAX_BYTES : DIGITALOCEAN_USER_DATA_MAX_BYTES) - references.length * REFERENCE_RESERVE_BYTES;
  const bytes = encoding === 'gzip' ? gzipUserData(text).length : Buffer.byteLength(text, 'utf8');
  if (bytes > limit) {
    throw new Error(
      `renderDerpUserData: user data is ${bytes} bytes${encoding === 'gzip' ? ' gzip-compressed' : ''}, over the ${limit} bytes the provider's limit leaves; shorten extraTags or hostname`,
    );
  }
  return text;
}

/** gzip at level 9: deterministic for the same text, so plans stay stable. */
export function gzipUserData(text: string): Buffer {
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

/** The user data as `user_data_base64` wants it with the `gzip` encoding. */
export function gzipUserDataBase64(text: string): string {
  return gzipUserData(text).toString('base64');
}

const INSTALL_NODE_EXPORTER_SCRIPTS: Readonly<Record<NodeExporterSource, string>> = {
  'distribution-package': INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT,
  'release-tarball': INSTALL_NODE_EXPORTER_SCRIPT,
};

/** A validated node exporter source. */
type ResolvedNodeExporter =
  { readonly source: 'release-tarball'; readonly version: string; readonly sha256: string } | { readonly source: 'distribution-package' };

function resolveVersions(versions: DerpVersions = {}, architecture: Architecture) {
  if (versions === null || typeof versions !== 'object') {
    throw new BootConfigError('versions', versions, 'must be an object (or left out)');
  }
  const go = versions.goToolchain ?? GO_TOOLCHAIN[architecture];
  const tailscale = validateVersion('versions.tailscale', versions.tailscale ?? TAILSCALE_VERSION);
  if (compareVersions(tailscale, MIN_TAILSCALE_VERSION) < 0) {
    throw new BootConfigError(
      'versions.tailscale',
      tailscale,
      `is older than ${MIN_TAILSCALE_VERSION}, the first release with the fix for TS-2025-003 (derper's mesh key comparison leaked the key through timing); use ${TAILSCALE_VERSION} or later`,
    );
  }
  return {
    tailscale,
    derperSha256: resolveDerperSha256(versions, architecture, tailscale),
    go: {
      version: validateVersion('versions.goToolchain.version', go.version),
      sha256: validateSha256('versions.goToolchain.sha256', go.sha256),
    },
    // Only a missing value takes the default; an explicit null is a mistake to report, as before.
    nodeExporter: resolveNodeExporter(versions.nodeExporter === undefined ? DEFAULT_NODE_EXPORTER : versions.nodeExporter),
  };
}

function resolveDerperSha256(versions: DerpVersions, architecture: Architecture, tailscale: string): string {
  const trust = versions.trustUnpinnedDerperBuild ?? false;
  if (typeof trust !== 'boolean') throw new BootConfigError('versions.trustUnpinnedDerperBuild', trust, 'must be true or false');
  const pins = versions.derperSha256;
  if (pins !== undefined && (pins === null || typeof pins !== 'object' || Array.isArray(pins))) {
    throw new BootConfigError('versions.derperSha256', pins, "must be { arm64?: '<sha256>', amd64?: '<sha256>' }");
  }
  for (const key of Object.keys(pins ?? {})) {
    if (key !== 'amd64' && key !== 'arm64')
      throw new BootConfigError(`versions.derperSha256.${key}`, pins?.[key as Architecture], "is not an architecture; use 'amd64' or 'arm64'");
  }
  const pin = pins?.[architecture];
  if (pin !== undefined) {
    if (trust) {
      throw new BootConfigError(
        'versions.trustUnpinnedDerperBuild',
        true,
        `contradicts versions.derperSha256.${architecture}: pin the hash or trust the build, not both`,
      );
    }
    return validateSha256(`versions.derperSha256.${architecture}`, pin);
  }
  if (trust) return 'unpinned';
  throw new BootConfigError(
    `versions.derperSha256.${architecture}`,
    undefined,
    `is required: the relay builds derper v${tailscale} at boot and installs it only if its sha256 is the one you pinned. Build it once where you trust the build (go install tailscale.com/cmd/derper@v${tailscale} with GOFLAGS=-trimpath CGO_ENABLED=0 GOARCH=${architecture}, Go ${GO_TOOLCHAIN[architecture].version}) and pin sha256sum's output; or set versions.trustUnpinnedDerperBuild: true to install an unchecked build`,
  );
}

function resolveMesh(mesh: DerpMeshOptions | undefined): DerpMeshOptions | undefined {
  if (mesh === undefined) return undefined;
  if (mesh === null || typeof mesh !== 'object') throw new BootConfigError('mesh', mesh, 'must be { with, key } (or left out)');
  if (mesh.key === null || typeof mesh.key !== 'object') throw new BootConfigError('mesh.key', mesh.key, 'must be { secretId, region }');
  if (typeof mesh.key.secretId === 'string' && /^[0-9a-f]{64}$/i.test(mesh.key.secretId.trim())) {
    throw new BootConfigError('mesh.key.secretId', '<redacted>', 'looks like the mesh key itself; pass the id of the secret that holds it');
  }
  validateSecretId('mesh.key.secretId', mesh.key.secretId);
  if (TERRAFORM_REFERENCE.test(mesh.key.secretId)) throw new BootConfigError('mesh.key.secretId', mesh.key.secretId, 'must be a literal secret name or ARN');
  validateAwsRegion('mesh.key.region', mesh.key.region);
  return { with: mesh.with, key: { secretId: mesh.key.secretId, region: mesh.key.region } };
}

function resolveNodeExporter(nodeExporter: NodeExporterInstall): ResolvedNodeExporter {
  if (nodeExporter === null || typeof nodeExporter !== 'object') {
    throw new BootConfigError(
      'versions.nodeExporter',
      nodeExporter,
      "must be { source: 'distribution-package' }, a release tarball { sha256, version? }, or left out",
    );
  }
  // No `source` is the shape from before sources existed: a release tarball (so `{}` fails on sha256).
  const source = validateOneOf('versions.nodeExporter.source', nodeExporter.source ?? 'release-tarball', NODE_EXPORTER_SOURCES);
  if (source === 'distribution-package') {
    // Refused rather than ignored: whoever wrote a hash believes something checks it, and nothing would.
    for (const key of ['sha256', 'version'] as const) {
      const value = (nodeExporter as Partial<NodeExporterPin>)[key];
      if (value !== undefined) {
        throw new BootConfigError(
          `versions.nodeExporter.${key}`,
          value,
          "is not used with source 'distribution-package' (apt verifies the distribution's package with the archive's signing keys, at the distribution's version); remove it, or use source 'release-tarball'",
        );
      }
    }
    return { source };
  }
  const pin = nodeExporter as NodeExporterPin;
  if (pin.sha256 === undefined) {
    throw new BootConfigError(
      'versions.nodeExporter.sha256',
      pin.sha256,
      "is required for a release tarball (take it from the release's sha256sums.txt and confirm it from a second source); or use { source: 'distribution-package' }, or leave versions.nodeExporter out",
    );
  }
  return {
    source,
    version: validateVersion('versions.nodeExporter.version', pin.version ?? NODE_EXPORTER_VERSION),
    sha256: validateSha256('versions.nodeExporter.sha256', pin.sha256),
  };
}

function resolveTags(extraTags: readonly string[]): string[] {
  if (!Array.isArray(extraTags)) {
    throw new BootConfigError('extraTags', extraTags, 'must be an array of tags');
  }
  const tags = [DERP_TAG];
  extraTags.forEach((tag, i) => {
    validateTag(`extraTags[${i}]`, tag);
    if (!tags.includes(tag)) tags.push(tag);
  });
  return tags;
}

function intendedReferences(authKey: TailnetAuthKeySource): string[] {
  if (authKey.kind === 'digitalocean-metadata') return [authKey.terraformReference];
  return TERRAFORM_REFERENCE.test(authKey.secretId) ? [authKey.secretId] : [];
}

/** Fails if Terraform would find template syntax we did not put there on purpose. */
function assertOnlyIntendedTerraformReferences(text: string, allowed: readonly string[]): void {
  let rest = text;
  for (const ref of allowed) rest = rest.split(ref).join('');
  const stray = /[$%]\{/.exec(rest);
  if (stray) {
    const at = stray.index;
    throw new Error(`renderDerpUserData: Terraform template syntax in generated user data near ${JSON.stringify(rest.slice(Math.max(0, at - 40), at + 40))}`);
  }
}

function rootScript(name: string, content: string): WriteFile {
  return { path: `${BOOT_LIB_DIR}/${name}`, content: stripComments(content), owner: 'root:root', permissions: '0700' };
}

function rootOnly(path: string, content: string): WriteFile {
  return { path, content, owner: 'root:root', permissions: '0600' };
}

function publicFile(path: string, content: string): WriteFile {
  return { path, content, owner: 'root:root', permissions: '0644' };
}
