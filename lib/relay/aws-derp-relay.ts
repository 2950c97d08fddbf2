/**
 * One DERP relay (derper) on EC2, hardened by default.
 *
 * What it creates, and the security posture of each piece:
 * - a security group accepting exactly 443/tcp (DERP) and 3478/udp (STUN), plus 80/tcp only with
 *   Let's Encrypt certificates, from anywhere (IPv4 and IPv6); nothing else inbound, no SSH. Egress is
 *   limited to the ports in {@link AWS_RELAY_OUTBOUND} (network-policy.ts), each rule described.
 * - an IAM role that only EC2 can assume, with exactly two grants: the AWS managed
 *   `AmazonSSMManagedInstanceCore` (shell access through SSM Session Manager instead of SSH) and an inline
 *   policy that reads the one auth-key secret (`secretsmanager:GetSecretValue` on its ARN, `kms:Decrypt`
 *   on its key only through Secrets Manager in its region and only for that secret).
 * - the instance: IMDSv2 only with hop limit 1 (a container or a forwarded request cannot reach the role's
 *   credentials), an encrypted gp3 root volume, detailed monitoring, EBS-optimized, termination
 *   protection (tagged `critical = true`), no public IP of its own, tagged `role = derp` and approved for
 *   public exposure.
 * - an Elastic IP (the derpMap IPv4) tagged as approved public exposure.
 *
 * The tailnet auth key never appears in the user data, in outputs or in the Terraform state of this
 * stack: the user data holds only the secret's name, and the node reads the key at first boot with its
 * instance role (lib/boot: tmpfs file, `tailscale up --auth-key=file:...`, shredded after use).
 *
 * Operating notes: the subnet must be a public one (routed to an internet gateway). The instance
 * ignores later changes of its user data (cloud-init would not re-run the boot on it anyway, and the
 * update would only stop and start it); to roll a relay onto new versions, turn off termination
 * protection and replace the instance (`terraform apply -replace=<instance address>`).
 */
import { Fn, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import type { Architecture } from '../boot';
import { AWS_USER_DATA_MAX_BYTES } from '../boot/user-data-limits';
import type { DerpNodeInfo, IDerpRelay } from '../contracts/derp-node';
import type { SecretReference } from '../contracts/secret-reference';
import { ANYWHERE_IPV4, ANYWHERE_IPV6, AWS_RELAY_OUTBOUND, relayInboundRules, RelayPortRule } from './network-policy';
import { DerpRelayBaseProps, derpNodeInfo, renderUserData, ResolvedBaseProps, resolveBaseProps } from './relay-props';
import { AWS_AMI_ID, AWS_IAM_ROLE_NAME, AWS_INSTANCE_TYPE, AWS_KMS_KEY_ARN, AWS_SUBNET_ID, AWS_VPC_ID, PropValidator } from '../validate';
import { relayValidator, validateAwsTags, validateSecretReference, ValidSecretReference } from './validate';

/**
 * EC2 refuses user data larger than this (raw, before base64).
 * @deprecated use `boot.AWS_USER_DATA_MAX_BYTES`, the one definition (lib/boot/user-data-limits.ts).
 */
export const AWS_USER_DATA_LIMIT_BYTES = AWS_USER_DATA_MAX_BYTES;

/** The only AWS managed policy the relay's role gets: what the SSM agent needs for Session Manager. */
export const SSM_CORE_POLICY_NAME = 'AmazonSSMManagedInstanceCore';

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
   * boot. The default is Graviton (arm64), so the AMI must be arm64.
   * @default 't4g.small'
   */
  readonly instanceType?: string;
  /**
   * CPU architecture of {@link amiId}, stated explicitly; it must agree with the instance type (a mismatch
   * is a construction-time error rather than an instance that cannot boot the image).
   * @default derived from the instance type: Graviton families (`t4g`, `m7g`, `c7gn`, `a1`, …) are
   * `arm64`, all others `amd64`
   */
  readonly architecture?: Architecture;
  /**
   * The Secrets Manager secret holding the tailnet auth key (the bare `tskey-auth-…` string), e.g. from
   * SecretStore. Must be literal (names and ARNs, no tokens): the role's policy is scoped to exactly it.
   */
  readonly authKeySecret: SecretReference;
  /**
   * Who writes the instance role's permission to read {@link authKeySecret}: the relay (`role-policy`, an
   * inline policy scoped to exactly that secret and its key), or a grant made elsewhere
   * (`granted-elsewhere`), e.g. `SecretStore.grant({ tailnet: 'tag:derp', iamRoleName: relay.roleName }, …)`.
   * A SecretStore's key policy lets only roles it granted use its key, so relays reading from a store use
   * `granted-elsewhere` and the store's grant, which writes the permission once.
   * @default 'role-policy'
   */
  readonly authKeySecretAccess?: 'role-policy' | 'granted-elsewhere';
  /**
   * Name of the instance role; fixed (not generated) so that a grant in another stack can name it.
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


/** Graviton families have a `g` in the suffix after the generation (t4g, c7gn, x2gd, g5g, is4gen); a1 is the first. */
export function architectureOf(instanceType: string): Architecture {
  const m = AWS_INSTANCE_TYPE.pattern.exec(instanceType);
  if (!m) return 'amd64';
  return m[3].includes('g') || `${m[1]}${m[2]}` === 'a1' ? 'arm64' : 'amd64';
}

export class AwsDerpRelay extends Construct implements IDerpRelay {
  /** This node's entry in the derpMap; IPv4 is the Elastic IP. */
  readonly derpNode: DerpNodeInfo;
  readonly instance: Instance;
  readonly securityGroup: SecurityGroup;
  readonly elasticIp: Eip;
  /** The instance role (SSM core + read the auth-key secret). */
  readonly role: IamRole;
  /** The instance role's name, known at synth (for grants made in other stacks). */
  readonly roleName: string;
  readonly instanceProfile: IamInstanceProfile;
  /** The rendered cloud-init user data (holds the secret's name, never the key). */
  readonly userData: string;
  /** The architecture the node boots (from the instance type unless given). */
  readonly architecture: Architecture;

  constructor(scope: Construct, id: string, props: AwsDerpRelayProps) {
    super(scope, id);
    const v = relayValidator(this, 'AwsDerpRelay');
    const base = resolveBaseProps(v, props);
    const vpcId = v.rule('vpcId', props.vpcId, AWS_VPC_ID);
    const subnetId = v.rule('subnetId', props.subnetId, AWS_SUBNET_ID);
    const amiId = v.rule('amiId', props.amiId, AWS_AMI_ID);
    const instanceType = v.rule('instanceType', props.instanceType ?? 't4g.small', AWS_INSTANCE_TYPE);
    const derived = architectureOf(instanceType);
    this.architecture = props.architecture === undefined ? derived : v.oneOf('architecture', props.architecture, ['amd64', 'arm64'] as const);
    if (this.architecture !== derived) {
      v.fail('architecture', props.architecture, `must match the instance type: ${instanceType} is ${derived}`);
    }
    const secret = validateSecretReference(v, 'authKeySecret', props.authKeySecret);
    const rootKmsKey =
      props.rootVolumeKmsKeyArn === undefined
        ? undefined
        : v.rule('rootVolumeKmsKeyArn', props.rootVolumeKmsKeyArn, AWS_KMS_KEY_ARN);
    const rootVolumeSize = v.integer('rootVolumeSizeGiB', props.rootVolumeSizeGiB ?? 16, 8, 16384);
    const ipv6 = v.boolean('ipv6', props.ipv6 ?? false);
    const exposure = resolveExposureTag(v, props.publicExposureTag);
    const own: Record<string, string> = { role: 'derp' };
    const extra = validateAwsTags(v, 'tags', props.tags);
    for (const key of [...Object.keys(own), 'Name', 'critical', exposure.key]) {
      if (key in extra) v.fail(`tags.${key}`, extra[key], `is refused: '${key}' is set by the relay itself`);
    }
    const tags = (more: Record<string, string> = {}) => ({ ...extra, ...own, ...more });

    this.userData = renderUserData(v, {
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
    });
    const userDataBytes = Buffer.byteLength(this.userData, 'utf8');
    if (userDataBytes > AWS_USER_DATA_MAX_BYTES) {
      v.fail(
        'userData',
        `<${userDataBytes} bytes>`,
        `is too large: the rendered cloud-init user data (lib/boot) is ${userDataBytes} bytes; EC2 accepts at most ${AWS_USER_DATA_MAX_BYTES}`,
      );
    }

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      namePrefix: 'derp-relay-',
      description: `DERP relay ${base.hostname}: DERP and STUN from anywhere, no SSH`,
      vpcId,
      tags: tags({ Name: `derp-${base.nodeName}` }),
    });
    this.securityGroupRules(base, tags());

    this.roleName = v.rule('roleName', props.roleName ?? `derp-relay-${base.nodeName}`, AWS_IAM_ROLE_NAME);
    const access = v.oneOf('authKeySecretAccess', props.authKeySecretAccess ?? 'role-policy', ['role-policy', 'granted-elsewhere'] as const);
    this.role = new IamRole(this, 'role', {
      name: this.roleName,
      description: `DERP relay ${base.hostname}: SSM Session Manager and its tailnet auth key`,
      assumeRolePolicy: JSON.stringify(ec2TrustPolicy()),
      tags: tags(),
    });
    new IamRolePolicyAttachment(this, 'ssm-core', {
      role: this.role.name,
      policyArn: `arn:${secret.partition}:iam::aws:policy/${SSM_CORE_POLICY_NAME}`,
    });
    if (access === 'role-policy') {
      new IamRolePolicy(this, 'read-auth-key', {
        name: 'read-tailnet-auth-key',
        role: this.role.id,
        policy: JSON.stringify(readAuthKeyPolicy(secret)),
      });
    }
    this.instanceProfile = new IamInstanceProfile(this, 'instance-profile', {
      namePrefix: 'derp-relay-',
      role: this.role.name,
      tags: tags(),
    });

    this.instance = new Instance(this, 'instance', {
      ami: amiId,
      instanceType,
      subnetId,
      vpcSecurityGroupIds: [this.securityGroup.id],
      iamInstanceProfile: this.instanceProfile.name,
      userData: this.userData,
      // The Elastic IP is the relay's public address; no second, ephemeral one.
      associatePublicIpAddress: false,
      ...(ipv6 ? { ipv6AddressCount: 1 } : {}),
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
      lifecycle: { ignoreChanges: ['user_data'] },
    });

    this.elasticIp = new Eip(this, 'elastic-ip', {
      domain: 'vpc',
      instance: this.instance.id,
      tags: tags({ Name: `derp-${base.nodeName}`, [exposure.key]: exposure.value }),
    });

    this.derpNode = derpNodeInfo(base, this.elasticIp.publicIp, ipv6 ? Token.asString(Fn.element(this.instance.ipv6Addresses, 0)) : undefined);
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
        new VpcSecurityGroupIngressRule(this, `in-${rule.protocol}-${rule.port}-${family.suffix}`, ruleProps(rule, family.cidr));
      }
    }
    for (const rule of AWS_RELAY_OUTBOUND) {
      for (const family of families) {
        new VpcSecurityGroupEgressRule(this, `out-${rule.protocol}-${rule.port}-${family.suffix}`, ruleProps(rule, family.cidr));
      }
    }
  }
}

function resolveExposureTag(v: PropValidator, tag: AwsExposureTag | undefined): AwsExposureTag {
  if (tag === undefined) return { key: 'exposure', value: 'public' };
  if (tag === null || typeof tag !== 'object') v.fail('publicExposureTag', tag, 'must be { key, value }');
  const key = v.matching('publicExposureTag.key', tag.key, /^[\p{L}\p{N}\s_.:/=+@-]{1,128}$/u, 'a tag key of 1-128 characters');
  const value = v.matching('publicExposureTag.value', tag.value, /^[\p{L}\p{N}\s_.:/=+@-]{0,256}$/u, 'a tag value of up to 256 characters');
  if (key === 'role' || key === 'critical' || key === 'Name') v.fail('publicExposureTag.key', key, `is refused: '${key}' is used by the relay for something else`);
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

/**
 * Read exactly the auth-key secret. `kms:Decrypt` is limited to calls Secrets Manager makes in the secret's
 * region on the role's behalf, and to this secret's encryption context, so the role cannot use the key
 * directly or for any other secret the key protects.
 */
export function readAuthKeyPolicy(secret: ValidSecretReference): object {
  const dnsSuffix = 'amazonaws.com';
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'ReadTailnetAuthKey',
        Effect: 'Allow',
        Action: 'secretsmanager:GetSecretValue',
        Resource: secret.arn,
      },
      {
        Sid: 'DecryptTailnetAuthKeyViaSecretsManager',
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
