/** The DigitalOcean rules, in catalog order. */
import type { Rule } from '../../engine/rule';
import { doDatabaseFirewall } from './do-database-firewall';
import { doDatabasePrivateNetwork } from './do-database-private-network';
import { doDropletFirewallRequired } from './do-droplet-firewall-required';
import { doDropletMonitoring } from './do-droplet-monitoring';
import { doDropletSshKeys } from './do-droplet-ssh-keys';
import { doFirewallNoAdminPortsFromInternet } from './do-firewall-no-admin-ports-from-internet';
import { doFirewallNoAllPortsFromInternet } from './do-firewall-no-all-ports-from-internet';
import { doFirewallNoDataStorePortsFromInternet } from './do-firewall-no-data-store-ports-from-internet';
import { doFirewallNoMonitoringPortsFromInternet } from './do-firewall-no-monitoring-ports-from-internet';
import { doKubernetesAutoUpgrade } from './do-kubernetes-auto-upgrade';
import { doKubernetesSurgeUpgrade } from './do-kubernetes-surge-upgrade';
import { doLoadbalancerHttpsRedirect } from './do-loadbalancer-https-redirect';
import { doSpacesPrivate } from './do-spaces-private';
import { doSpacesVersioning } from './do-spaces-versioning';

export const digitaloceanRules: readonly Rule[] = [
  doDropletFirewallRequired,
  doDropletSshKeys,
  doDropletMonitoring,
  doFirewallNoAdminPortsFromInternet,
  doFirewallNoDataStorePortsFromInternet,
  doFirewallNoMonitoringPortsFromInternet,
  doFirewallNoAllPortsFromInternet,
  doSpacesPrivate,
  doSpacesVersioning,
  doDatabasePrivateNetwork,
  doDatabaseFirewall,
  doLoadbalancerHttpsRedirect,
  doKubernetesAutoUpgrade,
  doKubernetesSurgeUpgrade,
];
