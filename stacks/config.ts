/**
 * The reference deployment's settings, in one place. These describe an existing AWS account and network
 * (the stacks create relays, not VPCs) and a DigitalOcean team; replace them with yours. Everything is a
 * literal so that every stack synthesizes and plans offline, with no data-source lookup.
 */
import type { DerpVersions } from '../lib/boot';

export const OWNER = 'team-infra';
export const ENVIRONMENT = 'prod';
export const AWS_ACCOUNT_ID = '123456789012';

/** Region where the secrets live (Secrets Manager + the store's KMS key). */
export const SECRETS_REGION = 'eu-central-1';

/** People who administer the tailnet and the secrets (setec `group:infra`). */
export const INFRA_GROUP = ['alice@example.com', 'bob@example.com'];

/** Relay software versions. The node exporter comes from the distribution's signed package. */
export const DERP_VERSIONS: DerpVersions = { nodeExporter: { source: 'distribution-package' } };

export interface AwsRelaySite {
  readonly stack: string;
  readonly region: string;
  readonly vpcId: string;
  readonly subnetId: string;
  /** Ubuntu 24.04 LTS arm64, pinned per region. */
  readonly amiId: string;
  readonly hostname: string;
  readonly nodeName: string;
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
}

export const AWS_RELAY_SITES: readonly AwsRelaySite[] = [
  {
    stack: 'derp-aws-fra',
    region: 'eu-central-1',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetId: 'subnet-0a1b2c3d4e5f60719',
    amiId: 'ami-0e8d228ad90af673b',
    hostname: 'derp-fra1.derp.example.net',
    nodeName: '900a',
    regionId: 900,
    regionCode: 'aws-fra',
    regionName: 'AWS Frankfurt',
  },
  {
    stack: 'derp-aws-iad',
    region: 'us-east-1',
    vpcId: 'vpc-0b1c2d3e4f5a60718',
    subnetId: 'subnet-0b1c2d3e4f5a60719',
    amiId: 'ami-0a7a4e87939439934',
    hostname: 'derp-iad1.derp.example.net',
    nodeName: '901a',
    regionId: 901,
    regionCode: 'aws-iad',
    regionName: 'AWS Virginia',
  },
];

export interface DigitalOceanRelaySite {
  readonly id: string;
  readonly region: string;
  readonly hostname: string;
  readonly nodeName: string;
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
}

export const DIGITALOCEAN_RELAY_SITES: readonly DigitalOceanRelaySite[] = [
  { id: 'relay-ams3', region: 'ams3', hostname: 'derp-ams3.derp.example.net', nodeName: '910a', regionId: 910, regionCode: 'do-ams', regionName: 'DigitalOcean Amsterdam' },
  { id: 'relay-sfo3', region: 'sfo3', hostname: 'derp-sfo3.derp.example.net', nodeName: '911a', regionId: 911, regionCode: 'do-sfo', regionName: 'DigitalOcean San Francisco' },
];

/** SSH key fingerprints registered in the DigitalOcean team (required so no root password is emailed). */
export const DIGITALOCEAN_SSH_KEYS = ['3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa'];

/** The monitoring server's place (AWS, in the secrets region, a private subnet with NAT egress). */
export const MONITORING_SITE = {
  region: 'eu-central-1',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetId: 'subnet-0a1b2c3d4e5f6071a',
  amiId: 'ami-0e8d228ad90af673b',
  roleName: 'derp-monitoring',
} as const;
