/**
 * The user data of a DERP relay node: a `#cloud-config` document for aws_instance.user_data or
 * digitalocean_droplet.user_data.
 *
 * Format: compact JSON after the `#cloud-config` header (JSON is YAML; cloud-init accepts it). Every
 * other YAML document lib/ writes goes through the `yaml` package (lib/monitoring/yaml.ts); this one
 * stays JSON for size: AWS caps user data at 16 KiB, and the same document as block YAML (literal
 * blocks, indented) is ~11% larger (about 16.2 KB against 14.6 KB), over the limit once the Terraform
 * references are reserved for.
 *
 * Terraform caveat this module guards against: Terraform treats `${...}` and `%{...}` in any string
 * as template syntax, including user_data. The only `${` our output may contain is a Terraform
 * reference the caller passed on purpose (the DigitalOcean key, or a Secrets Manager ARN
 * reference); the scripts avoid `${var}` in shell for that reason, and rendering fails if anything
 * else slips in.
 */
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
  validateFqdn,
  validateOneOf,
  validateSha256,
  validateTag,
  validateVersion,
} from './validate';
import {
  Architecture,
  GO_TOOLCHAIN,
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
    // Only for the tarball: the distribution package has no version or checksum of ours.
    ...(versions.nodeExporter.source === 'release-tarball'
      ? { NODE_EXPORTER_VERSION: versions.nodeExporter.version, NODE_EXPORTER_SHA256: versions.nodeExporter.sha256 }
      : {}),
  };

  const units: SystemdUnit[] = [
    hostFirewallUnit(),
    derperUnit({ hostname, certMode: options.certMode, manualCertDir: options.manualCertDir }),
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
    publicFile(HOST_FIREWALL_RULESET_PATH, renderHostFirewallRuleset({ metadataServiceAccess: options.metadataServiceAccess })),
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
    bootcmd: [['install', '-d', '-m', '0700', '-o', 'root', '-g', 'root', AUTH_KEY_DIR]],
    write_files: writeFiles,
    runcmd: [[`${BOOT_LIB_DIR}/bootstrap.sh`]],
  };
}

/**
 * Renders the relay's user data: `#cloud-config` followed by the document as JSON.
 * Throws {@link BootConfigError} naming the option for invalid input.
 */
export function renderDerpUserData(options: DerpUserDataOptions): string {
  const doc = buildDerpCloudConfig(options);
  // Compact JSON: AWS caps user data at 16 KiB (AWS_USER_DATA_MAX_BYTES), and indentation alone costs ~700 bytes.
  const text = `#cloud-config\n${JSON.stringify(doc)}\n`;
  const references = intendedReferences(options.authKey);
  assertOnlyIntendedTerraformReferences(text, references);
  // Fail at synth, not at apply. Terraform substitutes the references afterwards; what they
  // resolve to (a secret ARN, a tskey) is well under REFERENCE_RESERVE_BYTES each.
  const limit =
    (options.authKey.kind === 'aws-secrets-manager' ? AWS_USER_DATA_MAX_BYTES : DIGITALOCEAN_USER_DATA_MAX_BYTES) -
    references.length * REFERENCE_RESERVE_BYTES;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limit) {
    throw new Error(
      `renderDerpUserData: user data is ${bytes} bytes, over the ${limit} bytes the provider's limit leaves; shorten extraTags or hostname`,
    );
  }
  return text;
}

const INSTALL_NODE_EXPORTER_SCRIPTS: Readonly<Record<NodeExporterSource, string>> = {
  'distribution-package': INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT,
  'release-tarball': INSTALL_NODE_EXPORTER_SCRIPT,
};

/** A validated node exporter source. */
type ResolvedNodeExporter =
  | { readonly source: 'release-tarball'; readonly version: string; readonly sha256: string }
  | { readonly source: 'distribution-package' };

function resolveVersions(versions: DerpVersions = {}, architecture: Architecture) {
  if (versions === null || typeof versions !== 'object') {
    throw new BootConfigError('versions', versions, 'must be an object (or left out)');
  }
  const go = versions.goToolchain ?? GO_TOOLCHAIN[architecture];
  return {
    tailscale: validateVersion('versions.tailscale', versions.tailscale ?? TAILSCALE_VERSION),
    go: {
      version: validateVersion('versions.goToolchain.version', go.version),
      sha256: validateSha256('versions.goToolchain.sha256', go.sha256),
    },
    // Only a missing value takes the default; an explicit null is a mistake to report, as before.
    nodeExporter: resolveNodeExporter(versions.nodeExporter === undefined ? DEFAULT_NODE_EXPORTER : versions.nodeExporter),
  };
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
