/**
 * Boot configuration of the DERP relay nodes: pure functions that render cloud-init user data,
 * systemd units and the host firewall. No cdktf imports; the constructs put the output into
 * aws_instance.user_data / digitalocean_droplet.user_data.
 */
export type { AwsSecretsManagerAuthKey, DigitalOceanMetadataAuthKey, TailnetAuthKeySource } from './auth-key';
export { validateAuthKeySource } from './auth-key';
export type { BootEnv, TailscaleBootEnv } from './boot-env';
export { renderBootEnv, renderTailscaleBootEnv } from './boot-env';
export type {
  DerpCloudConfig,
  DerpMeshOptions,
  DerpUserDataOptions,
  DerpVersions,
  Distribution,
  MeshKeySource,
  NodeExporterDistributionPackage,
  NodeExporterInstall,
  NodeExporterPin,
  UserDataEncoding,
  WriteFile,
} from './derp-user-data';
export {
  AWS_USER_DATA_MAX_BYTES,
  buildDerpCloudConfig,
  DEFAULT_NODE_EXPORTER,
  DERP_TAG,
  DIGITALOCEAN_USER_DATA_MAX_BYTES,
  gzipUserData,
  gzipUserDataBase64,
  renderDerpUserData,
} from './derp-user-data';
export type { DerpCertMode, DerperUnitOptions } from './derper-unit';
export { DERPER_BINARY, DERPER_EXPOSURE_MEASURED, DERPER_HARDENING, DERPER_UNIT_NAME, MESH_PSK_PATH, derperUnit } from './derper-unit';
export type { HostFirewallOptions, MetadataServiceAccess } from './host-firewall';
export { HOST_FIREWALL_PUBLIC_PORTS, HOST_FIREWALL_RULESET_PATH, HOST_FIREWALL_UNIT_NAME, hostFirewallUnit, renderHostFirewallRuleset } from './host-firewall';
export type { NodeExporterSource, NodeExporterUnitOptions } from './node-exporter-unit';
export {
  NODE_EXPORTER_BINARIES,
  NODE_EXPORTER_BINARY,
  NODE_EXPORTER_COLLECTORS,
  NODE_EXPORTER_EXPOSURE_MEASURED,
  NODE_EXPORTER_HARDENING,
  NODE_EXPORTER_PACKAGE_BINARY,
  NODE_EXPORTER_PORT,
  NODE_EXPORTER_SOURCES,
  NODE_EXPORTER_UNIT_NAME,
  nodeExporterUnit,
} from './node-exporter-unit';
export { NODE_EXPORTER_COLLECTOR_UNITS, NODE_EXPORTER_PACKAGE } from './scripts/install-node-exporter-package';
export { RELAY_SYSCTLS, renderSysctlConf } from './sysctl';
export type { DirectiveValue, HardeningSettings, InstallSection, ServiceSection, SystemdUnit, UnitSection } from './systemd-unit';
export { execCommandLine, renderSystemdUnit } from './systemd-unit';
export { BootConfigError } from './validate';
export type { Architecture, PinnedArchive } from './versions';
export { compareVersions, GO_TOOLCHAIN, MIN_TAILSCALE_VERSION, NODE_EXPORTER_VERSION, TAILSCALE_REPO_KEY_FINGERPRINT, TAILSCALE_VERSION } from './versions';
