/** The DigitalOcean rules, in catalog order. */
import type { Rule } from '../../engine/rule';
import { doAppEnvSecretsTyped } from './do-app-env-secrets-typed';
import { doCdnCustomDomainCertificate } from './do-cdn-custom-domain-certificate';
import { doDatabaseFirewall } from './do-database-firewall';
import { doDatabaseMaintenanceWindow } from './do-database-maintenance-window';
import { doDatabasePrivateNetwork } from './do-database-private-network';
import { doDropletBackups } from './do-droplet-backups';
import { doDropletFirewallRequired } from './do-droplet-firewall-required';
import { doDropletMonitoring } from './do-droplet-monitoring';
import { doDropletSshKeys } from './do-droplet-ssh-keys';
import { doFirewallNoAdminPortsFromInternet } from './do-firewall-no-admin-ports-from-internet';
import { doFirewallNoAllPortsFromInternet } from './do-firewall-no-all-ports-from-internet';
import { doFirewallNoDataStorePortsFromInternet } from './do-firewall-no-data-store-ports-from-internet';
import { doFirewallNoMonitoringPortsFromInternet } from './do-firewall-no-monitoring-ports-from-internet';
import { doKubernetesAutoUpgrade } from './do-kubernetes-auto-upgrade';
import { doKubernetesControlPlaneFirewall } from './do-kubernetes-control-plane-firewall';
import { doKubernetesHaControlPlane } from './do-kubernetes-ha-control-plane';
import { doKubernetesSurgeUpgrade } from './do-kubernetes-surge-upgrade';
import { doLoadbalancerHttpsRedirect } from './do-loadbalancer-https-redirect';
import { doLoadbalancerTlsToBackend } from './do-loadbalancer-tls-to-backend';
import { doRegistryWriteCredentialsExpire } from './do-registry-write-credentials-expire';
import { doSpacesBucketPolicyNotPublic } from './do-spaces-bucket-policy-not-public';
import { doSpacesCorsNoWildcardOrigin } from './do-spaces-cors-no-wildcard-origin';
import { doSpacesForceDestroyDisabled } from './do-spaces-force-destroy-disabled';
import { doSpacesPrivate } from './do-spaces-private';
import { doSpacesVersioning } from './do-spaces-versioning';

export const digitaloceanRules: readonly Rule[] = [
  doDropletFirewallRequired,
  doDropletSshKeys,
  doDropletMonitoring,
  doDropletBackups,
  doFirewallNoAdminPortsFromInternet,
  doFirewallNoDataStorePortsFromInternet,
  doFirewallNoMonitoringPortsFromInternet,
  doFirewallNoAllPortsFromInternet,
  doSpacesPrivate,
  doSpacesVersioning,
  doSpacesBucketPolicyNotPublic,
  doSpacesCorsNoWildcardOrigin,
  doSpacesForceDestroyDisabled,
  doCdnCustomDomainCertificate,
  doDatabasePrivateNetwork,
  doDatabaseFirewall,
  doDatabaseMaintenanceWindow,
  doLoadbalancerHttpsRedirect,
  doLoadbalancerTlsToBackend,
  doKubernetesAutoUpgrade,
  doKubernetesSurgeUpgrade,
  doKubernetesHaControlPlane,
  doKubernetesControlPlaneFirewall,
  doRegistryWriteCredentialsExpire,
  doAppEnvSecretsTyped,
];
