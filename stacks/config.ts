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

/** Who the relays' CloudWatch alarms notify (each confirms the SNS subscription AWS mails it). */
export const ALERT_EMAILS = ['oncall@example.com'];

/**
 * The IAM role that applies the stacks (CI). In the secrets stack it writes each node's join key (a
 * NodeJoinKey: Terraform makes the key and puts it into the node's secret), so it may also read them back
 * (the AWS provider refreshes a secret version with GetSecretValue).
 */
export const TERRAFORM_ROLE = `arn:aws:iam::${AWS_ACCOUNT_ID}:role/terraform-apply`;

/** The operator role (an existing role of the account) that puts the values of the secrets Terraform does not make: the mesh key, developers' secrets. */
export const SECRETS_OPERATOR_ROLE = `arn:aws:iam::${AWS_ACCOUNT_ID}:role/derp-secrets-operator`;

/** People who administer the tailnet and the secrets (setec `group:infra`). */
export const INFRA_GROUP = ['alice@example.com', 'bob@example.com'];

/**
 * What every relay runs; DerpFleet holds it (one Tailscale version for the fleet, lib/boot's current default)
 * and hands it to every relay. The node exporter comes from the distribution's signed package.
 *
 * derper is built at boot; pin its sha256 per architecture (`derperSha256: { arm64: '…', amd64: '…' }`) from
 * your own reproducible build (go install tailscale.com/cmd/derper@v<version> with GOFLAGS=-trimpath
 * CGO_ENABLED=0, the Go version of lib/boot's GO_TOOLCHAIN) and remove trustUnpinnedDerperBuild. This
 * reference cannot ship a hash nobody here built: an invented one would only fail every boot, so it opts out
 * explicitly, and the first boot logs the hash to pin (docs/threat-model.md, "Updating the relays").
 */
export const DERP_VERSIONS: DerpVersions = { nodeExporter: { source: 'distribution-package' }, trustUnpinnedDerperBuild: true };

/** The Route 53 hosted zone of the AWS relays' host names (derp.example.net). */
export const DERP_ROUTE53_ZONE_ID = 'Z0123456789ABCDEFGHIJ';

/** The DigitalOcean DNS domain of the DigitalOcean relays' host names (delegated from derp.example.net). */
export const DIGITALOCEAN_DNS_DOMAIN = 'do.derp.example.net';

/** The mesh key of a region of more than one node (64 hex digits: `openssl rand -hex 32`), in the secret store. */
export const DERP_MESH_KEY = 'derp/mesh-key';

/**
 * The instance role of an AWS relay: fixed, so the secrets stack can give it (and only it) the node's join
 * key (NodeJoinKey `nodeRole`) without a cross-stack reference.
 */
export function relayRoleName(nodeName: string): string {
  return `derp-relay-${nodeName}`;
}

/** The tailnet tags an AWS relay of `site` advertises, hence the tags of its join key: `tag:derp` and the site's extra tags. */
export function relayTailnetTags(site: AwsRelaySite): string[] {
  return ['tag:derp', ...(site.extraTailnetTags ?? []).filter((t) => t !== 'tag:derp')];
}

/** One relay of an AWS site: its host name, derpMap node name, and its Elastic IP, allocated once outside the stacks. */
export interface AwsRelayNode {
  readonly hostname: string;
  readonly nodeName: string;
  readonly elasticIp: { readonly allocationId: string; readonly publicIp: string };
}

/** One derpMap region on AWS: one stack, one or more relays (more than one: they mesh). */
export interface AwsRelaySite {
  readonly stack: string;
  readonly region: string;
  readonly vpcId: string;
  readonly subnetId: string;
  /** Ubuntu 24.04 LTS arm64, pinned per region. */
  readonly amiId: string;
  readonly amiArchitecture: 'arm64' | 'x86_64';
  /** Graviton, to match the AMI. */
  readonly instanceType: string;
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly nodes: readonly AwsRelayNode[];
  /** Tailnet tags the site's relays advertise besides `tag:derp` (their join keys carry them too). */
  readonly extraTailnetTags?: readonly string[];
}

export const AWS_RELAY_SITES: readonly AwsRelaySite[] = [
  {
    stack: 'derp-aws-fra',
    region: 'eu-central-1',
    vpcId: 'vpc-0a1b2c3d4e5f60718',
    subnetId: 'subnet-0a1b2c3d4e5f60719',
    amiId: 'ami-0e8d228ad90af673b',
    amiArchitecture: 'arm64',
    instanceType: 't4g.small',
    regionId: 900,
    regionCode: 'aws-fra',
    regionName: 'AWS Frankfurt',
    // Two nodes: they mesh (derper -mesh-with, one key from the secret store).
    nodes: [
      { hostname: 'derp-fra1.derp.example.net', nodeName: '900a', elasticIp: { allocationId: 'eipalloc-0a1b2c3d4e5f60711', publicIp: '198.51.100.11' } },
      { hostname: 'derp-fra2.derp.example.net', nodeName: '900b', elasticIp: { allocationId: 'eipalloc-0a1b2c3d4e5f60712', publicIp: '198.51.100.12' } },
    ],
  },
  {
    stack: 'derp-aws-iad',
    region: 'us-east-1',
    vpcId: 'vpc-0b1c2d3e4f5a60718',
    subnetId: 'subnet-0b1c2d3e4f5a60719',
    amiId: 'ami-0a7a4e87939439934',
    amiArchitecture: 'arm64',
    instanceType: 't4g.small',
    regionId: 901,
    regionCode: 'aws-iad',
    regionName: 'AWS Virginia',
    nodes: [{ hostname: 'derp-iad1.derp.example.net', nodeName: '901a', elasticIp: { allocationId: 'eipalloc-0b1c2d3e4f5a60711', publicIp: '198.51.100.21' } }],
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
  /** A reserved IP allocated once outside the stacks: the derpMap carries it as a literal. */
  readonly reservedIp: string;
}

export const DIGITALOCEAN_RELAY_SITES: readonly DigitalOceanRelaySite[] = [
  {
    id: 'relay-ams3',
    region: 'ams3',
    hostname: 'derp-ams3.do.derp.example.net',
    nodeName: '910a',
    regionId: 910,
    regionCode: 'do-ams',
    regionName: 'DigitalOcean Amsterdam',
    reservedIp: '203.0.113.31',
  },
  {
    id: 'relay-sfo3',
    region: 'sfo3',
    hostname: 'derp-sfo3.do.derp.example.net',
    nodeName: '911a',
    regionId: 911,
    regionCode: 'do-sfo',
    regionName: 'DigitalOcean San Francisco',
    reservedIp: '203.0.113.41',
  },
];

/** SSH key fingerprints registered in the DigitalOcean team (required so no root password is emailed). */
export const DIGITALOCEAN_SSH_KEYS = ['3b:16:bf:e4:8b:00:8b:b8:59:8c:a9:d3:f0:19:45:fa'];

/** The monitoring server's place (AWS, in the secrets region, a private subnet with NAT egress). */
export const MONITORING_SITE = {
  region: 'eu-central-1',
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetId: 'subnet-0a1b2c3d4e5f6071a',
  /** Ubuntu 24.04 LTS arm64 (the relays' image in this region), so a Graviton instance type. */
  amiId: 'ami-0e8d228ad90af673b',
  amiArchitecture: 'arm64',
  instanceType: 't4g.small',
  roleName: 'derp-monitoring',
  /** The server's name, tailnet host name and join-key node name (`join-keys/derp-monitoring`). */
  name: 'derp-monitoring',
} as const;
