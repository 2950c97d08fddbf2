/**
 * One DERP relay (derper) on EC2, hardened by default.
 *
 * What it creates, and the security posture of each piece:
 * - a security group accepting exactly 443/tcp (DERP) and 3478/udp (STUN), plus 80/tcp only with
 *   Let's Encrypt certificates, from anywhere (IPv4 and IPv6); nothing else inbound, no SSH. Egress is
 *   limited to the ports in {@link AWS_RELAY_OUTBOUND} (network-policy.ts), each rule described.
 * - an IAM role that only EC2 can assume, with exactly two grants: the AWS managed
 *   `AmazonSSMManagedInstanceCore` (shell access through SSM Session Manager instead of SSH) and the read of
 *   its one join-key secret (`secretsmanager:GetSecretValue` on its ARN, `kms:Decrypt` on its key only
 *   through Secrets Manager in its region and only for that secret): an inline policy of its own, or, with
 *   `authKeySecretAccess: 'granted-elsewhere'`, the grant of the SecretStore holding the node's NodeJoinKey.
 * - the instance: IMDSv2 only with hop limit 1 (a container or a forwarded request cannot reach the role's
 *   credentials), an encrypted gp3 root volume, detailed monitoring, EBS-optimized, termination
 *   protection (tagged `critical = true`), no public IP of its own, tagged `role = derp` and approved for
 *   public exposure.
 * - an Elastic IP (the derpMap IPv4) tagged as approved public exposure, or the association of one allocated
 *   elsewhere (`elasticIp`: a literal address the derpMap carries from any stack); optionally A/AAAA records
 *   in a Route 53 zone (`dnsZone`).
 * - with `mesh` (a region of more than one node), derper meshes with the region's other nodes under one key
 *   read at boot from the secret store (`-mesh-psk-file` through `LoadCredential=`); no port is added (mesh
 *   peers use 443).
 *
 * The host: nftables input policy drop (443/tcp, 3478/udp, 80/tcp with Let's Encrypt, replies, loopback,
 * tailscale0), sshd masked, derper installed only if its sha256 is the pinned one (`versions.derperSha256`),
 * the instance type's architecture checked against the AMI's (`amiArchitecture`).
 *
 * The tailnet auth key never appears in the user data, in outputs or in the Terraform state of this
 * stack: the user data holds only the secret's name, and the node reads the key at first boot with its
 * instance role (lib/boot: tmpfs file, `tailscale up --auth-key=file:...`, shredded after use).
 *
 * Operating notes: the subnet must be a public one (routed to an internet gateway). The instance
 * ignores later changes of its user data (cloud-init would not re-run the boot on it anyway, and the
 * update would only stop and start it); to roll a relay onto new versions, turn off termination
 * protection and replace the instance (`terraform apply -replace=<instance address>`), one region at a
 * time (docs/threat-model.md, "Updating the relays").
 */
import { isIP } from 'net';
import { awsProvider, cdk } from '../../aspects/cdk';
import { Construct } from 'constructs';
import type { Eip } from '@cdktf/provider-aws/lib/eip';
import type { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { Instance } from '@cdktf/provider-aws/lib/instance';
import type { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { DERP_TAG, gzipUserDataBase64, type Architecture } from '../boot';
import { AWS_USER_DATA_MAX_BYTES } from '../boot/user-data-limits';
import type { DerpNodeInfo, IDerpRelay } from '../contracts/derp-node';
import type { SecretReference } from '../contracts/secret-reference';
import { ANYWHERE_IPV4, ANYWHERE_IPV6, AWS_RELAY_OUTBOUND, DNS_TTL_SECONDS, relayInboundRules, RelayPortRule } from './network-policy';
import { DerpRelayBaseProps, derpNodeInfo, renderUserData, ResolvedBaseProps, resolveBaseProps } from './relay-props';
import {
  AMI_ARCHITECTURE,
  AWS_AMI_ID,
  AWS_IAM_ROLE_NAME,
  AWS_INSTANCE_TYPE,
  AWS_KMS_KEY_ARN,
  AWS_SUBNET_ID,
  AWS_VPC_ID,
  architectureOf,
  checkInstanceArchitecture,
  PropValidator,
  type AmiArchitecture,
} from '../validate';
import { relayValidator, validateAwsTags, validateSecretReference, ValidSecretReference } from './validate';

/** The AWS provider bindings of the app's CDK family (cdktf or cdktn). */
const awsClasses = {
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/eip')>('eip'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/eip-association')>('eip-association'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-instance-profile')>('iam-instance-profile'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role')>('iam-role'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role-policy')>('iam-role-policy'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/iam-role-policy-attachment')>('iam-role-policy-attachment'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/instance')>('instance'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/route53-record')>('route53-record'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/security-group')>('security-group'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/vpc-security-group-egress-rule')>('vpc-security-group-egress-rule'),
  ...awsProvider<typeof import('@cdktf/provider-aws/lib/vpc-security-group-ingress-rule')>('vpc-security-group-ingress-rule'),
};

/**
 * EC2 refuses user data larger than this (raw, before base64).
 * @deprecated use `boot.AWS_USER_DATA_MAX_BYTES`, the one definition (lib/boot/user-data-limits.ts).
 */
export const AWS_USER_DATA_LIMIT_BYTES = AWS_USER_DATA_MAX_BYTES;

/** The only AWS managed policy the relay's role gets: what the SSM agent needs for Session Manager. */
export const SSM_CORE_POLICY_NAME = 'AmazonSSMManagedInstanceCore';

/** An AMI's architecture, as EC2 spells it (defined in lib/validate, shared with AwsMonitoring). */
export type { AmiArchitecture };
/** Moved to lib/validate (AwsMonitoring checks its instance type too); re-exported where it was first published. */
export { architectureOf };

/** derper's mesh: the region's key and its nodes. */
export interface AwsDerpRelayMesh {
  /**
   * The Secrets Manager secret holding the region's mesh key (64 lower-case hex digits, e.g.
   * `openssl rand -hex 32`), e.g. `SecretStore.secretReference('derp/mesh-key')`. Every node of the
   * region reads the same one. Literal names and ARNs, as for the auth key.
   */
  readonly keySecret: SecretReference;
  /** Host names of every node of the region, this relay's own included. */
  readonly regionHostnames: readonly string[];
}

/** An existing Elastic IP. */
export interface AwsElasticIp {
  /** `eipalloc-…`. */
  readonly allocationId: string;
  /** Its public IPv4 address (a literal). */
  readonly publicIp: string;
}

/** A Route 53 hosted zone. */
export interface AwsDnsZone {
  /** The hosted zone id (`Z…`) or a reference. */
  readonly route53ZoneId: string;
}

/** The AWS approval tag for public exposure (the guardrails' default `publicExposureTag.aws`). */
export interface AwsExposureTag {
  readonly key: string;
  readonly value: string;
}

export interface AwsDerpRelayProps extends DerpRelayBaseProps {
  /** VPC of {@link subnetId}; the relay's security group is created in it. A literal `vpc-…` id or a reference. */
  readonly vpcId: string;
  /** A public subnet (routed to an internet gateway). A literal `subnet-…` id or a reference. */
  readonly subnetId: string;
  /**
   * The image, pinned by id (no data-source lookup, so the stack plans offline and a relay built today
   * boots the same image as yesterday's). It must be {@link distribution} for the instance type's
   * architecture; bootstrap refuses to run on another architecture.
   */
  readonly amiId: string;
  /**
   * Instance type. derper needs little CPU; 2 GiB of memory leaves room for building derper at first
   * boot. Its architecture must be {@link amiArchitecture}'s: Graviton families (a `g` after the
   * generation digit: `t4g`, `m7g`, `c7gn`, and `a1`) are arm64, all others x86_64.
   * @default 't4g.small'
   */
  readonly instanceType?: string;
  /**
   * CPU architecture of {@link amiId}, as EC2 spells it (the AMI's `architecture`). The AMI is pinned
   * by id, not looked up (no data source offline), so its architecture is stated here, and an instance
   * type of the other architecture is refused at construction rather than an instance that cannot
   * boot the image.
   * @default 'arm64' (what the default instance type, t4g.small, runs)
   */
  readonly amiArchitecture?: AmiArchitecture;
  /**
   * The AMI's architecture in Debian/Go spelling (`amd64`, `arm64`), the name this prop had before
   * {@link amiArchitecture}. When given, it must agree with it and with the instance type.
   * @deprecated use {@link amiArchitecture} (`amd64` is `x86_64`)
   * @default derived from amiArchitecture
   */
  readonly architecture?: Architecture;
  /**
   * Mesh with the other nodes of this relay's region: required when the region has more than one node
   * (the fleet refuses such a region otherwise; clients of one node could not reach clients of
   * another). derper gets `-mesh-with` (every node's host name) and `-mesh-psk-file` (the key, read at
   * boot with the instance role from {@link AwsDerpRelayMesh.keySecret} and handed to derper as a
   * systemd credential). Mesh peers connect to each other on 443, which is open anyway: no port is added.
   * @default no mesh (a region of one node)
   */
  readonly mesh?: AwsDerpRelayMesh;
  /**
   * An Elastic IP allocated outside this construct (by hand, or in a stack of addresses that outlives
   * the relays), associated with the instance. Its address is then a literal, so the derpMap carries it
   * from any stack (no DNS dependence, no cross-stack reference), and the relay keeps it when replaced.
   * @default a new Elastic IP, whose address is known only in this stack
   */
  readonly elasticIp?: AwsElasticIp;
  /**
   * A fixed IPv6 address from the subnet's IPv6 block (implies {@link ipv6}): published in the derpMap
   * as a literal, like {@link elasticIp}.
   * @default with ipv6, an address AWS picks (known only in this stack)
   */
  readonly ipv6Address?: string;
  /**
   * A Route 53 hosted zone holding {@link hostname}: the relay creates its A record (the Elastic IP) and,
   * with IPv6, its AAAA record.
   * @default no DNS records (create them yourself)
   */
  readonly dnsZone?: AwsDnsZone;
  /**
   * The Secrets Manager secret holding the tailnet auth key (the bare `tskey-auth-…` string): best a
   * NodeJoinKey's `secretReference` (this node's own single-use, pre-authorized, tagged key that expires
   * within the hour, readable by this relay's role only). Must be literal (names and ARNs, no tokens): the
   * role's policy is scoped to exactly it. The node keeps trying to read it for 30 minutes after boot.
   */
  readonly authKeySecret: SecretReference;
  /**
   * Who writes the instance role's permission to read {@link authKeySecret}: the relay (`role-policy`, an
   * inline policy scoped to exactly that secret and its key), or a grant made elsewhere
   * (`granted-elsewhere`), e.g. by a NodeJoinKey whose `nodeRole` is {@link roleName} (its store grants
   * that role, and only it, the key). A SecretStore's key policy lets only roles it granted use its key, so
   * relays reading from a store use `granted-elsewhere` and the store's grant, which writes the permission
   * once (the mesh key's too).
   * @default 'role-policy'
   */
  readonly authKeySecretAccess?: 'role-policy' | 'granted-elsewhere';
  /**
   * Name of the instance role; fixed (not generated) so that a grant in another stack (the NodeJoinKey's
   * `nodeRole`) can name it.
   * @default `derp-relay-<nodeName>`
   */
  readonly roleName?: string;
  /**
   * Customer-managed KMS key for the root volume (ARN or a reference).
   * @default the account's AWS managed key for EBS (`aws/ebs`); the volume is encrypted either way
   */
  readonly rootVolumeKmsKeyArn?: string;
  /**
   * Root volume size in GiB (gp3). Must be at least the AMI's snapshot size.
   * @default 16
   */
  readonly rootVolumeSizeGiB?: number;
  /**
   * Give the instance a public IPv6 address (the derpMap IPv6). Only valid when the subnet has an IPv6
   * CIDR block; otherwise the instance fails to launch, which is why this is off by default. Clients
   * still reach the relay over IPv6 through DNS if you publish an AAAA record.
   * @default false
   */
  readonly ipv6?: boolean;
  /**
   * Extra tags on every resource the relay creates (e.g. `owner`, `environment` when they do not come
   * from the provider's `default_tags`). They cannot override the relay's own `role`, `critical` and
   * approval tags.
   * @default {}
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * The tag that approves public exposure; must match `Guardrails.enforce({ publicExposureTag })`.
   * @default { key: 'exposure', value: 'public' }
   */
  readonly publicExposureTag?: AwsExposureTag;
}

export class AwsDerpRelay extends Construct implements IDerpRelay {
  /** This node's entry in the derpMap; IPv4 is the Elastic IP. */
  readonly derpNode: DerpNodeInfo;
  readonly instance: Instance;
  readonly securityGroup: SecurityGroup;
  /** The Elastic IP it creates; undefined with a given {@link AwsDerpRelayProps.elasticIp}. */
  readonly elasticIp?: Eip;
  /** The instance role (SSM core + read the auth-key secret). */
  readonly role: IamRole;
  /** The instance role's name, known at synth (for grants made in other stacks). */
  readonly roleName: string;
  readonly instanceProfile: IamInstanceProfile;
  /** The rendered cloud-init user data, as text (holds the secret names, never a key); the instance gets it gzip-compressed. */
  readonly userData: string;
  /** The architecture the node boots (Debian/Go spelling of amiArchitecture). */
  readonly architecture: Architecture;
  /** The AMI's architecture (EC2 spelling). */
  readonly amiArchitecture: AmiArchitecture;

  constructor(scope: Construct, id: string, props: AwsDerpRelayProps) {
    super(scope, id);
    const v = relayValidator(this, 'AwsDerpRelay');
    const base = resolveBaseProps(v, props);
    const vpcId = v.rule('vpcId', props.vpcId, AWS_VPC_ID);
    const subnetId = v.rule('subnetId', props.subnetId, AWS_SUBNET_ID);
    const amiId = v.rule('amiId', props.amiId, AWS_AMI_ID);
    const instanceType = v.rule('instanceType', props.instanceType ?? 't4g.small', AWS_INSTANCE_TYPE);
    const legacy = props.architecture === undefined ? undefined : v.oneOf('architecture', props.architecture, ['amd64', 'arm64'] as const);
    this.amiArchitecture =
      props.amiArchitecture === undefined
        ? legacy === undefined
          ? 'arm64'
          : AMI_ARCHITECTURE[legacy]
        : v.oneOf('amiArchitecture', props.amiArchitecture, ['arm64', 'x86_64'] as const);
    if (legacy !== undefined && AMI_ARCHITECTURE[legacy] !== this.amiArchitecture) {
      v.fail('architecture', legacy, `contradicts amiArchitecture '${this.amiArchitecture}'; drop the deprecated architecture prop`);
    }
    this.architecture = this.amiArchitecture === 'arm64' ? 'arm64' : 'amd64';
    checkInstanceArchitecture(v, 'instanceType', instanceType, this.amiArchitecture, 'amiArchitecture', props.amiArchitecture === undefined);
    const secret = validateSecretReference(v, 'authKeySecret', props.authKeySecret);
    const mesh = resolveMesh(v, props.mesh);
    const byoEip = resolveElasticIp(v, props.elasticIp);
    const ipv6Address =
      props.ipv6Address === undefined
        ? undefined
        : v.matching('ipv6Address', props.ipv6Address, /^[0-9a-f:]+$/, "an IPv6 address (lower case) from the subnet's IPv6 block");
    if (ipv6Address !== undefined && isIP(ipv6Address) !== 6) v.fail('ipv6Address', ipv6Address, "must be an IPv6 address from the subnet's IPv6 block");
    if (ipv6Address !== undefined && props.ipv6 === false) v.fail('ipv6', false, 'contradicts ipv6Address; leave ipv6 out or true');
    const dnsZone = resolveDnsZone(v, props.dnsZone);
    const rootKmsKey = props.rootVolumeKmsKeyArn === undefined ? undefined : v.rule('rootVolumeKmsKeyArn', props.rootVolumeKmsKeyArn, AWS_KMS_KEY_ARN);
    const rootVolumeSize = v.integer('rootVolumeSizeGiB', props.rootVolumeSizeGiB ?? 16, 8, 16384);
    const ipv6 = v.boolean('ipv6', props.ipv6 ?? ipv6Address !== undefined);
    const exposure = resolveExposureTag(v, props.publicExposureTag);
    const own: Record<string, string> = { role: 'derp' };
    const extra = validateAwsTags(v, 'tags', props.tags);
    for (const key of [...Object.keys(own), 'Name', 'critical', exposure.key]) {
      if (key in extra) v.fail(`tags.${key}`, extra[key], `is refused: '${key}' is set by the relay itself`);
    }
    const tags = (more: Record<string, string> = {}) => ({ ...extra, ...own, ...more });

    this.userData = renderUserData(
      v,
      {
        hostname: base.hostname,
        certMode: base.certMode,
        manualCertDir: props.manualCertDir,
        distribution: base.distribution,
        architecture: this.architecture,
        versions: props.versions,
        extraTags: props.extraTailnetTags,
        // The key is fetched at boot with the instance role; the user data names the secret only.
        authKey: { kind: 'aws-secrets-manager', secretId: secret.name, region: secret.region },
        // Only root (cloud-init, the SSM agent, tailscale-join) needs the metadata service and its role credentials.
        metadataServiceAccess: 'root-only',
        ...(mesh ? { mesh: { with: mesh.regionHostnames, key: { secretId: mesh.secret.name, region: mesh.secret.region } } } : {}),
      },
      'gzip',
    );
    // EC2 counts the raw bytes before base64: the gzip stream. cloud-init decompresses it; the guardrails decode it.
    const userDataBase64 = gzipUserDataBase64(this.userData);
    const userDataBytes = Buffer.from(userDataBase64, 'base64').length;
    if (userDataBytes > AWS_USER_DATA_MAX_BYTES) {
      v.fail(
        'userData',
        `<${userDataBytes} bytes>`,
        `is too large: the rendered cloud-init user data (lib/boot) is ${userDataBytes} bytes gzip-compressed; EC2 accepts at most ${AWS_USER_DATA_MAX_BYTES}`,
      );
    }

    this.securityGroup = new awsClasses.SecurityGroup(this, 'security-group', {
      namePrefix: 'derp-relay-',
      description: `DERP relay ${base.hostname}: DERP and STUN from anywhere, no SSH`,
      vpcId,
      tags: tags({ Name: `derp-${base.nodeName}` }),
    });
    this.securityGroupRules(base, tags());

    this.roleName = v.rule('roleName', props.roleName ?? `derp-relay-${base.nodeName}`, AWS_IAM_ROLE_NAME);
    const access = v.oneOf('authKeySecretAccess', props.authKeySecretAccess ?? 'role-policy', ['role-policy', 'granted-elsewhere'] as const);
    this.role = new awsClasses.IamRole(this, 'role', {
      name: this.roleName,
      description: `DERP relay ${base.hostname}: SSM Session Manager and its tailnet auth key`,
      assumeRolePolicy: JSON.stringify(ec2TrustPolicy()),
      tags: tags(),
    });
    new awsClasses.IamRolePolicyAttachment(this, 'ssm-core', {
      role: this.role.name,
      policyArn: `arn:${secret.partition}:iam::aws:policy/${SSM_CORE_POLICY_NAME}`,
    });
    if (access === 'role-policy') {
      new awsClasses.IamRolePolicy(this, 'read-auth-key', {
        name: 'read-tailnet-auth-key',
        role: this.role.id,
        policy: JSON.stringify(readAuthKeyPolicy(secret)),
      });
      if (mesh) {
        new awsClasses.IamRolePolicy(this, 'read-mesh-key', {
          name: 'read-derp-mesh-key',
          role: this.role.id,
          policy: JSON.stringify(readSecretPolicy(mesh.secret, 'DerpMeshKey')),
        });
      }
    }
    this.instanceProfile = new awsClasses.IamInstanceProfile(this, 'instance-profile', {
      namePrefix: 'derp-relay-',
      role: this.role.name,
      tags: tags(),
    });

    this.instance = new awsClasses.Instance(this, 'instance', {
      ami: amiId,
      instanceType,
      subnetId,
      vpcSecurityGroupIds: [this.securityGroup.id],
      iamInstanceProfile: this.instanceProfile.name,
      userDataBase64,
      // The Elastic IP is the relay's public address; no second, ephemeral one.
      associatePublicIpAddress: false,
      ...(ipv6Address !== undefined ? { ipv6Addresses: [ipv6Address] } : ipv6 ? { ipv6AddressCount: 1 } : {}),
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: 'required',
        httpPutResponseHopLimit: 1,
        instanceMetadataTags: 'disabled',
        httpProtocolIpv6: 'disabled',
      },
      rootBlockDevice: {
        volumeType: 'gp3',
        volumeSize: rootVolumeSize,
        encrypted: true,
        ...(rootKmsKey !== undefined ? { kmsKeyId: rootKmsKey } : {}),
        deleteOnTermination: true,
      },
      monitoring: true,
      ebsOptimized: true,
      disableApiTermination: true,
      tags: tags({ Name: `derp-${base.nodeName}`, critical: 'true', [exposure.key]: exposure.value }),
      // cloud-init runs the boot once per instance, so new user data on a running relay would only stop and
      // start it for nothing (all relays at once, on the next apply). Rolling a relay means replacing it.
      lifecycle: { ignoreChanges: ['user_data', 'user_data_base64'] },
    });

    let publicIpv4: string;
    if (byoEip) {
      new awsClasses.EipAssociation(this, 'elastic-ip-association', { allocationId: byoEip.allocationId, instanceId: this.instance.id });
      publicIpv4 = byoEip.publicIp;
    } else {
      this.elasticIp = new awsClasses.Eip(this, 'elastic-ip', {
        domain: 'vpc',
        instance: this.instance.id,
        tags: tags({ Name: `derp-${base.nodeName}`, [exposure.key]: exposure.value }),
      });
      publicIpv4 = this.elasticIp.publicIp;
    }
    const publicIpv6 = ipv6Address ?? (ipv6 ? cdk.Token.asString(cdk.Fn.element(this.instance.ipv6Addresses, 0)) : undefined);

    if (dnsZone !== undefined) {
      new awsClasses.Route53Record(this, 'dns-a', { zoneId: dnsZone, name: base.hostname, type: 'A', ttl: DNS_TTL_SECONDS, records: [publicIpv4] });
      if (publicIpv6 !== undefined) {
        new awsClasses.Route53Record(this, 'dns-aaaa', { zoneId: dnsZone, name: base.hostname, type: 'AAAA', ttl: DNS_TTL_SECONDS, records: [publicIpv6] });
      }
    }

    this.derpNode = derpNodeInfo(base, publicIpv4, publicIpv6, {
      tailscaleVersion: base.tailscaleVersion,
      architecture: this.architecture,
      tailnetTags: [DERP_TAG, ...(props.extraTailnetTags ?? []).filter((t) => t !== DERP_TAG)],
      ...(mesh ? { mesh: { with: mesh.regionHostnames, keySecret: mesh.secret.arn } } : {}),
    });
  }

  private securityGroupRules(base: ResolvedBaseProps, tags: Record<string, string>): void {
    const families = [
      { suffix: 'ipv4', cidr: { cidrIpv4: ANYWHERE_IPV4 } },
      { suffix: 'ipv6', cidr: { cidrIpv6: ANYWHERE_IPV6 } },
    ];
    const ruleProps = (rule: RelayPortRule, cidr: object) => ({
      securityGroupId: this.securityGroup.id,
      ipProtocol: rule.protocol,
      fromPort: rule.port,
      toPort: rule.port,
      description: rule.description,
      tags,
      ...cidr,
    });
    for (const rule of relayInboundRules(base.certMode)) {
      for (const family of families) {
        new awsClasses.VpcSecurityGroupIngressRule(this, `in-${rule.protocol}-${rule.port}-${family.suffix}`, ruleProps(rule, family.cidr));
      }
    }
    for (const rule of AWS_RELAY_OUTBOUND) {
      for (const family of families) {
        new awsClasses.VpcSecurityGroupEgressRule(this, `out-${rule.protocol}-${rule.port}-${family.suffix}`, ruleProps(rule, family.cidr));
      }
    }
  }
}

function resolveExposureTag(v: PropValidator, tag: AwsExposureTag | undefined): AwsExposureTag {
  if (tag === undefined) return { key: 'exposure', value: 'public' };
  if (tag === null || typeof tag !== 'object') v.fail('publicExposureTag', tag, 'must be { key, value }');
  const key = v.matching('publicExposureTag.key', tag.key, /^[\p{L}\p{N}\s_.:/=+@-]{1,128}$/u, 'a tag key of 1-128 characters');
  const value = v.matching('publicExposureTag.value', tag.value, /^[\p{L}\p{N}\s_.:/=+@-]{0,256}$/u, 'a tag value of up to 256 characters');
  if (key === 'role' || key === 'critical' || key === 'Name')
    v.fail('publicExposureTag.key', key, `is refused: '${key}' is used by the relay for something else`);
  return { key, value };
}

/** Only EC2 may assume the role. */
export function ec2TrustPolicy(): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Ec2AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'ec2.amazonaws.com' },
        Action: 'sts:AssumeRole',
      },
    ],
  };
}

function resolveMesh(v: PropValidator, mesh: AwsDerpRelayMesh | undefined): { secret: ValidSecretReference; regionHostnames: string[] } | undefined {
  if (mesh === undefined) return undefined;
  if (mesh === null || typeof mesh !== 'object') v.fail('mesh', mesh, 'must be { keySecret, regionHostnames }');
  const secret = validateSecretReference(v, 'mesh.keySecret', mesh.keySecret);
  const regionHostnames = v.nonEmptyList('mesh.regionHostnames', mesh.regionHostnames, "host name of the region's nodes", (prop, h) => v.fqdn(prop, h));
  return { secret, regionHostnames };
}

function resolveElasticIp(v: PropValidator, eip: AwsElasticIp | undefined): AwsElasticIp | undefined {
  if (eip === undefined) return undefined;
  if (eip === null || typeof eip !== 'object') v.fail('elasticIp', eip, 'must be { allocationId, publicIp }');
  const allocationId = v.matching(
    'elasticIp.allocationId',
    eip.allocationId,
    /^eipalloc-(?:[0-9a-f]{8}|[0-9a-f]{17})$/,
    "an Elastic IP allocation id such as 'eipalloc-0123456789abcdef0'",
  );
  const publicIp = v.literal('elasticIp.publicIp', eip.publicIp, 'the Elastic IP address');
  if (isIP(publicIp) !== 4) v.fail('elasticIp.publicIp', publicIp, 'must be an IPv4 address (the Elastic IP of elasticIp.allocationId)');
  return { allocationId, publicIp };
}

function resolveDnsZone(v: PropValidator, zone: AwsDnsZone | undefined): string | undefined {
  if (zone === undefined) return undefined;
  if (zone === null || typeof zone !== 'object') v.fail('dnsZone', zone, 'must be { route53ZoneId }');
  return v.literalOrToken(
    'dnsZone.route53ZoneId',
    zone.route53ZoneId,
    /^Z[A-Z0-9]{1,32}$/,
    "a Route 53 hosted zone id such as 'Z0123456789ABCDEFGHIJ' or a reference",
  );
}

/**
 * Read exactly the auth-key secret. `kms:Decrypt` is limited to calls Secrets Manager makes in the secret's
 * region on the role's behalf, and to this secret's encryption context, so the role cannot use the key
 * directly or for any other secret the key protects.
 */
export function readAuthKeyPolicy(secret: ValidSecretReference): object {
  return readSecretPolicy(secret, 'TailnetAuthKey');
}

/** Read exactly one secret (see {@link readAuthKeyPolicy}); `what` names the statements (`Read<what>`). */
export function readSecretPolicy(secret: ValidSecretReference, what: string): object {
  const dnsSuffix = 'amazonaws.com';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `Read${what}`,
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: secret.arn,
      },
      {
        Sid: `Decrypt${what}ViaSecretsManager`,
        Effect: 'Allow',
        Action: 'kms:Decrypt',
        // KMS authorizes on the key's ARN, never the alias's: given an alias, any key of that account and
        // region, but only the one the alias names.
        Resource: secret.kmsKeyAlias ? `arn:${secret.partition}:kms:${secret.region}:${secret.kmsKeyAccount}:key/*` : secret.kmsKeyArn,
        Condition: {
          StringEquals: { 'kms:ViaService': `secretsmanager.${secret.region}.${dnsSuffix}` },
          StringLike: { 'kms:EncryptionContext:SecretARN': secret.arn },
          ...(secret.kmsKeyAlias ? { 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': secret.kmsKeyAlias } } : {}),
        },
      },
    ],
  };
}
