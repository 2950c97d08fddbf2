import { TerraformVariable } from 'cdktf';
import { Guardrails } from '../../../aspects/guardrails';
import { AwsDerpRelay, architectureOf } from '../../../lib/relay/aws-derp-relay';
import { awsStack, readReport, synthError, testApp } from '../../helpers/app';
import {
  awsProps,
  DEFAULT_TAGS,
  incompressibleTags,
  KMS_KEY_ARN,
  only,
  ref,
  resourcesOf,
  resourceTypes,
  SECRET_ARN,
  synthAws,
  synthesizedValue,
  TAILNET_KEY_LITERAL,
  userDataOf,
  VERSIONS,
  withoutMetadata,
} from './fixtures';

/** `protocol/port/cidr` of every rule resource of a type, sorted. */
function flows(json: any, type: string): string[] {
  return resourcesOf(json, type)
    .map((r) => {
      expect(r.from_port).toBe(r.to_port);
      return `${r.ip_protocol}/${r.from_port}/${r.cidr_ipv4 ?? r.cidr_ipv6}`;
    })
    .sort();
}

const both = (flow: string) => [`${flow}/0.0.0.0/0`, `${flow}/::/0`];

describe('AwsDerpRelay', () => {
  const letsencrypt = synthAws();
  const manual = synthAws({ certMode: 'manual' });

  describe('security group', () => {
    test("inbound is exactly 443/tcp, 3478/udp and 80/tcp from anywhere (IPv4 and IPv6) with Let's Encrypt", () => {
      expect(flows(letsencrypt.json, 'aws_vpc_security_group_ingress_rule')).toEqual([...both('tcp/443'), ...both('tcp/80'), ...both('udp/3478')].sort());
    });

    test('inbound is exactly 443/tcp and 3478/udp with manual certificates (no port 80)', () => {
      expect(flows(manual.json, 'aws_vpc_security_group_ingress_rule')).toEqual([...both('tcp/443'), ...both('udp/3478')].sort());
    });

    test('egress is exactly 443/tcp, 80/tcp, 3478/udp and 41641/udp', () => {
      const expected = [...both('tcp/443'), ...both('tcp/80'), ...both('udp/3478'), ...both('udp/41641')].sort();
      expect(flows(letsencrypt.json, 'aws_vpc_security_group_egress_rule')).toEqual(expected);
      expect(flows(manual.json, 'aws_vpc_security_group_egress_rule')).toEqual(expected);
    });

    test('every rule belongs to the relay group and has a description', () => {
      const sg = ref(letsencrypt.json, 'aws_security_group', 'id');
      for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
        for (const rule of resourcesOf(letsencrypt.json, type)) {
          expect(rule.security_group_id).toBe(sg);
          expect(typeof rule.description).toBe('string');
          expect(rule.description.length).toBeGreaterThan(10);
        }
      }
    });

    test('the group has no inline rules and no other rule resources exist', () => {
      const group = only(letsencrypt.json, 'aws_security_group');
      expect(group.ingress).toBeUndefined();
      expect(group.egress).toBeUndefined();
      expect(group.vpc_id).toBe('vpc-0123456789abcdef0');
      expect(resourcesOf(letsencrypt.json, 'aws_security_group_rule')).toEqual([]);
    });

    test('port 22 is not open anywhere, in either direction, in either cert mode', () => {
      for (const { json } of [letsencrypt, manual]) {
        for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
          for (const rule of resourcesOf(json, type)) {
            expect(rule.ip_protocol).not.toBe('-1');
            expect(22 >= rule.from_port && 22 <= rule.to_port).toBe(false);
          }
        }
      }
    });
  });

  describe('instance', () => {
    const instance = only(letsencrypt.json, 'aws_instance');

    test('IMDSv2 only, hop limit 1, no instance tags in metadata', () => {
      expect(instance.metadata_options).toEqual({
        http_endpoint: 'enabled',
        http_tokens: 'required',
        http_put_response_hop_limit: 1,
        instance_metadata_tags: 'disabled',
        http_protocol_ipv6: 'disabled',
      });
    });

    test('encrypted gp3 root volume, with the AWS managed key by default', () => {
      expect(instance.root_block_device).toMatchObject({ encrypted: true, volume_type: 'gp3', volume_size: 16, delete_on_termination: true });
      expect(instance.root_block_device.kms_key_id).toBeUndefined();
      expect(instance.ebs_block_device).toBeUndefined();
    });

    test('a customer-managed root volume key is used when given', () => {
      const { json } = synthAws({ rootVolumeKmsKeyArn: KMS_KEY_ARN });
      expect(only(json, 'aws_instance').root_block_device).toMatchObject({ encrypted: true, kms_key_id: KMS_KEY_ARN });
    });

    test('detailed monitoring, EBS-optimized, termination protection', () => {
      expect(instance.monitoring).toBe(true);
      expect(instance.ebs_optimized).toBe(true);
      expect(instance.disable_api_termination).toBe(true);
    });

    test('pinned AMI, default instance type t4g.small, no SSH key, no public IP of its own', () => {
      expect(instance.ami).toBe('ami-0123456789abcdef0');
      expect(instance.instance_type).toBe('t4g.small');
      expect(instance.key_name).toBeUndefined();
      expect(instance.associate_public_ip_address).toBe(false);
      expect(instance.subnet_id).toBe('subnet-0123456789abcdef0');
      expect(instance.vpc_security_group_ids).toEqual([ref(letsencrypt.json, 'aws_security_group', 'id')]);
      expect(instance.security_groups).toBeUndefined();
    });

    test('later user data changes do not stop and start the relay for nothing', () => {
      expect(instance.lifecycle).toEqual({ ignore_changes: ['user_data', 'user_data_base64'] });
    });

    test('tagged role = derp, critical = true and approved for public exposure', () => {
      expect(instance.tags).toMatchObject({ role: 'derp', critical: 'true', exposure: 'public' });
    });

    test('no IPv6 address by default; one with ipv6: true, published in the derpMap', () => {
      expect(instance.ipv6_address_count).toBeUndefined();
      expect(letsencrypt.relay.derpNode.ipv6).toBeUndefined();
      const withV6 = synthAws({ ipv6: true });
      expect(only(withV6.json, 'aws_instance').ipv6_address_count).toBe(1);
      const published = synthesizedValue(withV6.stack, withV6.app, withV6.relay.derpNode.ipv6);
      expect(published).toBe(`\${element(${ref(withV6.json, 'aws_instance', 'ipv6_addresses').slice(2, -1)}, 0)}`);
    });
  });

  describe('Elastic IP', () => {
    test('attached to the instance, approved for public exposure, and the derpMap IPv4', () => {
      const eip = only(letsencrypt.json, 'aws_eip');
      expect(eip.domain).toBe('vpc');
      expect(eip.instance).toBe(ref(letsencrypt.json, 'aws_instance', 'id'));
      expect(eip.tags).toMatchObject({ role: 'derp', exposure: 'public' });
      const { app, stack, relay, json } = synthAws();
      expect(synthesizedValue(stack, app, relay.derpNode.ipv4)).toBe(ref(json, 'aws_eip', 'public_ip'));
    });
  });

  describe('IAM', () => {
    const json = letsencrypt.json;

    test('only EC2 may assume the role', () => {
      const role = only(json, 'aws_iam_role');
      expect(JSON.parse(role.assume_role_policy)).toEqual({
        Version: '2012-10-17',
        Statement: [{ Sid: 'Ec2AssumeRole', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      });
      expect(role.managed_policy_arns).toBeUndefined();
      expect(role.inline_policy).toBeUndefined();
    });

    test('the only managed policy is AmazonSSMManagedInstanceCore', () => {
      const attachment = only(json, 'aws_iam_role_policy_attachment');
      expect(attachment.policy_arn).toBe('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore');
      expect(attachment.role).toBe(ref(json, 'aws_iam_role', 'name'));
      expect(resourcesOf(json, 'aws_iam_policy')).toEqual([]);
      expect(resourcesOf(json, 'aws_iam_policy_attachment')).toEqual([]);
    });

    test('the role has a fixed name, so a grant in another stack can name it', () => {
      expect(only(json, 'aws_iam_role').name).toBe(letsencrypt.relay.roleName);
      expect(letsencrypt.relay.roleName).toMatch(/^derp-relay-/);
    });

    test('with an alias ARN (as SecretStore hands out), KMS is scoped by the alias, through Secrets Manager only', () => {
      const alias = 'arn:aws:kms:eu-west-1:123456789012:alias/secret-store/secrets';
      const aliased = synthAws({ authKeySecret: { ...awsProps().authKeySecret, kmsKeyArn: alias } });
      const statement = JSON.parse(only(aliased.json, 'aws_iam_role_policy').policy).Statement[1];
      expect(statement.Resource).toBe('arn:aws:kms:eu-west-1:123456789012:key/*');
      expect(statement.Condition).toEqual({
        StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' },
        StringLike: { 'kms:EncryptionContext:SecretARN': SECRET_ARN },
        'ForAnyValue:StringEquals': { 'kms:ResourceAliases': 'alias/secret-store/secrets' },
      });
    });

    test("with authKeySecretAccess 'granted-elsewhere' the relay writes no secret policy (the store's grant does)", () => {
      const granted = synthAws({ authKeySecretAccess: 'granted-elsewhere', roleName: 'derp-relay-fra' });
      expect(resourcesOf(granted.json, 'aws_iam_role_policy')).toEqual([]);
      expect(only(granted.json, 'aws_iam_role').name).toBe('derp-relay-fra');
    });

    test('the only inline policy reads exactly the auth-key secret, and decrypts only through Secrets Manager', () => {
      const policy = only(json, 'aws_iam_role_policy');
      expect(policy.role).toBe(ref(json, 'aws_iam_role', 'id'));
      expect(JSON.parse(policy.policy)).toEqual({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'ReadTailnetAuthKey', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: SECRET_ARN },
          {
            Sid: 'DecryptTailnetAuthKeyViaSecretsManager',
            Effect: 'Allow',
            Action: 'kms:Decrypt',
            Resource: KMS_KEY_ARN,
            Condition: {
              StringEquals: { 'kms:ViaService': 'secretsmanager.eu-west-1.amazonaws.com' },
              StringLike: { 'kms:EncryptionContext:SecretARN': SECRET_ARN },
            },
          },
        ],
      });
    });

    test('the instance profile carries the role and the instance uses the profile', () => {
      const profile = only(json, 'aws_iam_instance_profile');
      expect(profile.role).toBe(ref(json, 'aws_iam_role', 'name'));
      expect(only(json, 'aws_instance').iam_instance_profile).toBe(ref(json, 'aws_iam_instance_profile', 'name'));
    });

    test('the policies are literal JSON (no Terraform expressions the guardrails could not read)', () => {
      expect(only(json, 'aws_iam_role').assume_role_policy).not.toContain('${');
      expect(only(json, 'aws_iam_role_policy').policy).not.toContain('${');
    });
  });

  describe('auth key', () => {
    const userData: string = userDataOf(only(letsencrypt.json, 'aws_instance'));

    test('user data names the secret and reads the key at boot with the instance role, into a file', () => {
      expect(userData.startsWith('#cloud-config\n')).toBe(true);
      expect(userData).toContain("AUTH_KEY_SOURCE='aws-secrets-manager'");
      expect(userData).toContain("AUTH_KEY_SECRET_ID='join-keys/900a'");
      expect(userData).toContain("AUTH_KEY_REGION='eu-west-1'");
      expect(userData).toContain('--auth-key=\\"file:');
    });

    test('no key literal and no Terraform reference in the user data, no outputs at all', () => {
      expect(userData).not.toMatch(TAILNET_KEY_LITERAL);
      expect(userData).not.toContain('${');
      expect(JSON.stringify(letsencrypt.json)).not.toMatch(TAILNET_KEY_LITERAL);
      expect(letsencrypt.json.output).toBeUndefined();
    });

    test('only root may reach the instance metadata service (and with it the role credentials)', () => {
      expect(userData).toContain('ip daddr 169.254.169.254 meta skuid != 0 drop');
    });

    test('the relay is SSM-only: no SSH key pair, no port 22, no data sources', () => {
      expect(resourcesOf(letsencrypt.json, 'aws_key_pair')).toEqual([]);
      expect(letsencrypt.json.data).toBeUndefined();
    });
  });

  test('creates exactly the resources it documents', () => {
    expect(resourceTypes(letsencrypt.json)).toEqual([
      'aws_eip',
      'aws_iam_instance_profile',
      'aws_iam_role',
      'aws_iam_role_policy',
      'aws_iam_role_policy_attachment',
      'aws_instance',
      'aws_security_group',
      'aws_vpc_security_group_egress_rule',
      'aws_vpc_security_group_ingress_rule',
    ]);
  });

  test('derpMap node info', () => {
    expect(letsencrypt.relay.derpNode).toMatchObject({
      name: '900a',
      hostName: 'derp-fra-1.example.com',
      regionId: 900,
      regionCode: 'aws-fra',
      regionName: 'AWS Frankfurt',
      stunPort: 3478,
      derpPort: 443,
    });
  });

  test('architecture follows the instance type', () => {
    expect(architectureOf('t4g.small')).toBe('arm64');
    expect(architectureOf('c7gn.large')).toBe('arm64');
    expect(architectureOf('a1.medium')).toBe('arm64');
    expect(architectureOf('t3.small')).toBe('amd64');
    expect(architectureOf('g4dn.xlarge')).toBe('amd64');
    expect(letsencrypt.relay.architecture).toBe('arm64');
    expect(userDataOf(only(letsencrypt.json, 'aws_instance'))).toContain("DERP_ARCH='arm64'");
    const amd = synthAws({ instanceType: 't3.small', amiArchitecture: 'x86_64' });
    expect(userDataOf(only(amd.json, 'aws_instance'))).toContain("DERP_ARCH='amd64'");
    expect(amd.relay.amiArchitecture).toBe('x86_64');
  });

  test('extra tags reach every taggable resource', () => {
    const { json } = synthAws({ tags: { 'cost-center': 'net' } });
    for (const type of ['aws_instance', 'aws_eip', 'aws_security_group', 'aws_iam_role', 'aws_iam_instance_profile', 'aws_vpc_security_group_ingress_rule']) {
      for (const r of resourcesOf(json, type)) expect(r.tags).toMatchObject({ 'cost-center': 'net', role: 'derp' });
    }
  });

  test('passes every guardrail of the strict profile with no suppression, in both cert modes and with IPv6', () => {
    for (const overrides of [{}, { certMode: 'manual' as const }, { ipv6: true, rootVolumeKmsKeyArn: KMS_KEY_ARN }]) {
      const app = testApp();
      Guardrails.enforce(app, { profile: 'strict' });
      new AwsDerpRelay(awsStack(app, 'main', { defaultTags: DEFAULT_TAGS }), 'relay', { ...awsProps(), ...overrides });
      const error = synthError(app);
      expect(error?.message).toBeUndefined();
      const report = readReport(app);
      expect(report.violations).toEqual([]);
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 0 });
    }
  });
});

test('the guardrail check above can fail: overrides that drop the approval tag and IMDSv2 are refused at synth', () => {
  const app = testApp();
  Guardrails.enforce(app, { profile: 'strict' });
  const relay = new AwsDerpRelay(awsStack(app, 'main', { defaultTags: DEFAULT_TAGS }), 'relay', awsProps());
  relay.elasticIp!.addOverride('tags.exposure', undefined);
  relay.instance.addOverride('metadata_options.http_tokens', 'optional');
  const message = synthError(app)?.message;
  expect(message).toContain('public-ip-requires-approval');
  expect(message).toContain('imdsv2-required');
});

describe('AwsDerpRelay props validation', () => {
  /** The error a relay with these overrides throws (construct path main/relay). */
  function errorFor(overrides: Record<string, unknown> | ((token: string) => Record<string, unknown>)): Error {
    const app = testApp();
    const stack = awsStack(app, 'main');
    const token = new TerraformVariable(stack, 'some-string', { type: 'string' }).stringValue;
    try {
      new AwsDerpRelay(stack, 'relay', { ...awsProps(), ...(typeof overrides === 'function' ? overrides(token) : overrides) } as any);
    } catch (e) {
      return e as Error;
    }
    throw new Error(`no error for ${JSON.stringify(overrides)}`);
  }

  const secret = awsProps().authKeySecret;
  const cases: Array<[string, Record<string, unknown> | ((token: string) => Record<string, unknown>), string]> = [
    ['hostname not fully qualified', { hostname: 'derp' }, 'hostname'],
    ['hostname in upper case', { hostname: 'Derp.example.com' }, 'hostname'],
    ['hostname an IP address', { hostname: '192.0.2.1' }, 'hostname'],
    ['hostname with a trailing dot', { hostname: 'derp.example.com.' }, 'hostname'],
    ['regionId below 900', { regionId: 899 }, 'regionId'],
    ['regionId above 999', { regionId: 1000 }, 'regionId'],
    ['regionId not an integer', { regionId: 900.5 }, 'regionId'],
    ['regionCode with spaces', { regionCode: 'aws fra' }, 'regionCode'],
    ['regionName empty', { regionName: '' }, 'regionName'],
    ['nodeName with a dot', { nodeName: '900.a' }, 'nodeName'],
    ['certMode unknown', { certMode: 'selfsigned' }, 'certMode'],
    ['amiId too short', { amiId: 'ami-123' }, 'amiId'],
    ['amiId not hex', { amiId: 'ami-0123456789abcdefg' }, 'amiId'],
    ['amiId a name', { amiId: 'ubuntu-24.04' }, 'amiId'],
    ['subnetId malformed', { subnetId: 'sub-123' }, 'subnetId'],
    ['vpcId malformed', { vpcId: 'vpc-xyz' }, 'vpcId'],
    ['instanceType malformed', { instanceType: 'small' }, 'instanceType'],
    ['an x86_64 instance type with the default (arm64) AMI', { instanceType: 't3.small' }, 'instanceType'],
    ['an arm64 instance type with an x86_64 AMI', { instanceType: 'm7g.large', amiArchitecture: 'x86_64' }, 'instanceType'],
    ['amiArchitecture unknown', { amiArchitecture: 'amd64' }, 'amiArchitecture'],
    ['deprecated architecture contradicting amiArchitecture', { architecture: 'amd64', amiArchitecture: 'arm64' }, 'architecture'],
    [
      'mesh key secret a wildcard',
      { mesh: { keySecret: { ...secret, arn: SECRET_ARN.replace('-??????', '*') }, regionHostnames: ['derp-fra-1.example.com', 'derp-fra-2.example.com'] } },
      'mesh.keySecret.arn',
    ],
    ["mesh without the region's host names", { mesh: { keySecret: secret, regionHostnames: [] } }, 'mesh.regionHostnames'],
    ['mesh not listing this relay', { mesh: { keySecret: secret, regionHostnames: ['derp-fra-2.example.com', 'derp-fra-3.example.com'] } }, 'meshWith'],
    ['elasticIp allocation malformed', { elasticIp: { allocationId: 'eip-1', publicIp: '198.51.100.1' } }, 'elasticIp.allocationId'],
    ['elasticIp address not IPv4', { elasticIp: { allocationId: 'eipalloc-0123456789abcdef0', publicIp: '2001:db8::1' } }, 'elasticIp.publicIp'],
    ['elasticIp address a token', (token) => ({ elasticIp: { allocationId: 'eipalloc-0123456789abcdef0', publicIp: token } }), 'elasticIp.publicIp'],
    ['ipv6Address not IPv6', { ipv6Address: '198.51.100.1' }, 'ipv6Address'],
    ['ipv6Address with ipv6 false', { ipv6Address: '2a05:d014::10', ipv6: false }, 'ipv6'],
    ['dnsZone id malformed', { dnsZone: { route53ZoneId: 'example.com' } }, 'dnsZone.route53ZoneId'],
    ['versions without a derper pin', { versions: { nodeExporter: { source: 'distribution-package' } } }, 'versions.derperSha256.arm64'],
    ['versions with a derper pin and trust', { versions: { ...VERSIONS, trustUnpinnedDerperBuild: true } }, 'versions.trustUnpinnedDerperBuild'],
    ['versions on a release without the TS-2025-003 fix', { versions: { ...VERSIONS, tailscale: '1.84.0' } }, 'versions.tailscale'],
    ['rootVolumeSizeGiB too small', { rootVolumeSizeGiB: 4 }, 'rootVolumeSizeGiB'],
    ['rootVolumeKmsKeyArn an alias', { rootVolumeKmsKeyArn: 'alias/ebs' }, 'rootVolumeKmsKeyArn'],
    ['ipv6 not a boolean', { ipv6: 'yes' }, 'ipv6'],
    ['tags overriding the role tag', { tags: { role: 'web' } }, 'tags.role'],
    ['tags overriding the approval tag', { tags: { exposure: 'internal' } }, 'tags.exposure'],
    ['authKeySecret missing', { authKeySecret: undefined }, 'authKeySecret'],
    ['authKeySecret.arn a wildcard', { authKeySecret: { ...secret, arn: SECRET_ARN.replace('-??????', '*') } }, 'authKeySecret.arn'],
    ['authKeySecret.arn without suffix', { authKeySecret: { ...secret, arn: SECRET_ARN.replace('-??????', '') } }, 'authKeySecret.arn'],
    ['authKeySecret.arn of another secret', { authKeySecret: { ...secret, arn: SECRET_ARN.replace('900a', 'other') } }, 'authKeySecret.arn'],
    ['authKeySecret.arn in another region', { authKeySecret: { ...secret, arn: SECRET_ARN.replace('eu-west-1', 'us-east-1') } }, 'authKeySecret.arn'],
    ['authKeySecret.arn a token', (token) => ({ authKeySecret: { ...secret, arn: token } }), 'authKeySecret.arn'],
    ['authKeySecret.kmsKeyArn a token', (token) => ({ authKeySecret: { ...secret, kmsKeyArn: token } }), 'authKeySecret.kmsKeyArn'],
    ['amiId a token (not pinned)', (token) => ({ amiId: token }), 'amiId'],
    ['hostname a token', (token) => ({ hostname: token }), 'hostname'],
    ['authKeySecret.region malformed', { authKeySecret: { ...secret, region: 'europe' } }, 'authKeySecret.region'],
    ['authKeySecret.kmsKeyArn a bare alias name', { authKeySecret: { ...secret, kmsKeyArn: 'alias/secrets' } }, 'authKeySecret.kmsKeyArn'],
    ['roleName with a path', { roleName: 'ops/derp' }, 'roleName'],
    ['authKeySecretAccess unknown', { authKeySecretAccess: 'none' as never }, 'authKeySecretAccess'],
    [
      'authKeySecret.kmsKeyArn in another region',
      { authKeySecret: { ...secret, kmsKeyArn: KMS_KEY_ARN.replace('eu-west-1', 'us-east-1') } },
      'authKeySecret.kmsKeyArn',
    ],
    ['versions without a node exporter hash', { versions: { ...VERSIONS, nodeExporter: { sha256: 'abc' } } }, 'versions.nodeExporter.sha256'],
    ['extraTailnetTags malformed', { extraTailnetTags: ['derp'] }, 'extraTailnetTags[0]'],
  ];

  test.each(cases)('%s', (_name, overrides, prop) => {
    const error = errorFor(overrides);
    expect(error.message).toContain(`AwsDerpRelay 'main/relay': ${prop} `);
  });

  test('user data over the EC2 limit is refused at synth, not at apply', () => {
    const error = errorFor({ extraTailnetTags: incompressibleTags(800) });
    expect(error.message).toContain("AwsDerpRelay 'main/relay': userData");
    expect(error.message).toContain('16384');
  });

  test('the error shows the bad value', () => {
    expect(errorFor({ regionId: 1234 }).message).toContain('regionId 1234 must be an integer from 900 to 999');
    expect(errorFor({ amiId: 'ami-123' }).message).toContain('"ami-123"');
  });

  test('subnet and VPC may be references to resources in the stack', () => {
    const app = testApp();
    const stack = awsStack(app, 'main');
    const subnetId = new TerraformVariable(stack, 'subnet', { type: 'string' }).stringValue;
    const vpcId = new TerraformVariable(stack, 'vpc', { type: 'string' }).stringValue;
    expect(() => new AwsDerpRelay(stack, 'relay', { ...awsProps(), subnetId, vpcId })).not.toThrow();
  });
});

describe('AwsDerpRelay mesh, pinned addresses, DNS and its derpMap entry', () => {
  const MESH_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:derp/mesh-key-??????';
  const meshKey = { name: 'derp/mesh-key', arn: MESH_ARN, region: 'eu-west-1', kmsKeyArn: KMS_KEY_ARN };
  const hosts = ['derp-fra-1.example.com', 'derp-fra-2.example.com'];
  const meshed = synthAws({ mesh: { keySecret: meshKey, regionHostnames: hosts } });
  const text = userDataOf(only(meshed.json, 'aws_instance'));
  const files: { path: string; content: string }[] = JSON.parse(text.slice('#cloud-config\n'.length)).write_files;
  const unit = files.find((f) => f.path === '/etc/systemd/system/derper.service')!.content;

  test('derper meshes with every node of the region, its key loaded as a systemd credential', () => {
    expect(unit).toContain('-mesh-with=derp-fra-1.example.com,derp-fra-2.example.com');
    expect(unit).toContain('-mesh-psk-file=%d/mesh-psk');
    expect(unit).toContain('LoadCredential=mesh-psk:/etc/derp-boot/mesh-psk');
    expect(text).toContain("MESH_KEY_SECRET_ID='derp/mesh-key'");
    expect(text).toContain("MESH_KEY_REGION='eu-west-1'");
  });

  test('the role reads the mesh key secret too (role-policy), and exactly it', () => {
    const policies = resourcesOf(meshed.json, 'aws_iam_role_policy').map((p) => JSON.parse(p.policy));
    expect(policies).toHaveLength(2);
    expect(policies[1].Statement[0]).toEqual({ Sid: 'ReadDerpMeshKey', Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: MESH_ARN });
  });

  test('meshing opens no port: the security group is the same as without a mesh', () => {
    const ports = (json: any) =>
      resourcesOf(json, 'aws_vpc_security_group_ingress_rule')
        .map((r) => `${r.ip_protocol}/${r.from_port}`)
        .sort();
    expect(ports(meshed.json)).toEqual(ports(synthAws().json));
  });

  test('the derpMap entry says what the fleet checks: version, architecture, tags, mesh, CanPort80', () => {
    expect(meshed.relay.derpNode).toMatchObject({
      tailscaleVersion: '1.102.3',
      architecture: 'arm64',
      tailnetTags: ['tag:derp'],
      verifiesClients: true,
      canPort80: true,
      mesh: { with: hosts, keySecret: MESH_ARN },
    });
    expect(synthAws({ certMode: 'manual' }).relay.derpNode.canPort80).toBe(false);
  });

  test('a pinned Elastic IP and IPv6 address are associated, published as literals, and in DNS', () => {
    const { json, relay } = synthAws({
      elasticIp: { allocationId: 'eipalloc-0123456789abcdef0', publicIp: '198.51.100.7' },
      ipv6Address: '2a05:d014::10',
      dnsZone: { route53ZoneId: 'Z0123456789ABCDEFGHIJ' },
    });
    expect(resourcesOf(json, 'aws_eip')).toEqual([]);
    expect(relay.elasticIp).toBeUndefined();
    expect(only(json, 'aws_eip_association')).toMatchObject({ allocation_id: 'eipalloc-0123456789abcdef0', instance_id: ref(json, 'aws_instance', 'id') });
    expect(only(json, 'aws_instance').ipv6_addresses).toEqual(['2a05:d014::10']);
    expect(relay.derpNode).toMatchObject({ ipv4: '198.51.100.7', ipv6: '2a05:d014::10' });
    const records = resourcesOf(json, 'aws_route53_record').map(withoutMetadata);
    expect(records).toEqual([
      { zone_id: 'Z0123456789ABCDEFGHIJ', name: 'derp-fra-1.example.com', type: 'A', ttl: 300, records: ['198.51.100.7'] },
      { zone_id: 'Z0123456789ABCDEFGHIJ', name: 'derp-fra-1.example.com', type: 'AAAA', ttl: 300, records: ['2a05:d014::10'] },
    ]);
  });

  test('with a zone and a new Elastic IP, the A record points at it', () => {
    const { json } = synthAws({ dnsZone: { route53ZoneId: 'Z0123456789ABCDEFGHIJ' } });
    expect(only(json, 'aws_route53_record').records).toEqual([ref(json, 'aws_eip', 'public_ip')]);
  });

  test('an unpinned derper build is allowed only when asked for, and then only logged', () => {
    const { json } = synthAws({ versions: { trustUnpinnedDerperBuild: true } });
    expect(userDataOf(only(json, 'aws_instance'))).toContain("DERPER_SHA256='unpinned'");
    expect(userDataOf(only(synthAws().json, 'aws_instance'))).toContain(`DERPER_SHA256='${VERSIONS.derperSha256.arm64}'`);
  });
});
