/**
 * A VPC built from configuration: public and private subnets, an internet gateway, a NAT gateway per zone
 * on its own Elastic IP, a bastion host with a public IP that admits SSH, and a test web host whose security
 * group admits all traffic.
 *
 * Shaped after AhyeongLee/cdktf-aws-network (main.ts, constructs/network/aws_nat.ts,
 * constructs/network/aws_security_group.ts, constructs/computing/aws_ec2.ts, configs/aws_bastion_config.json):
 * thin wrapper constructs that take `ingressList`/`egressList` as configuration data and pass them straight
 * to `SecurityGroup`, a NAT gateway that creates its Elastic IP only when its connectivity type is `public`
 * and passes `allocationId`, and instances with `associatePublicIpAddress` and a generated key pair. The
 * bastion's SSH-from-anywhere entry is that repository's configuration; the web host's allow-all entry is our
 * own configuration value, the "open everything while testing" line such data-driven groups often carry.
 * Our own code, written for this corpus.
 */
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup, type SecurityGroupEgress, type SecurityGroupIngress } from '@cdktf/provider-aws/lib/security-group';
import { KeyPair } from '@cdktf/provider-aws/lib/key-pair';
import { Instance } from '@cdktf/provider-aws/lib/instance';

const TAGS = { Project: 'NETLAB', Stage: 'DEV' };
const ZONES = ['a', 'c'];

interface HostConfig {
  readonly usage: string;
  readonly ami: string;
  readonly instanceType: string;
  readonly associatePublicIpAddress: boolean;
  readonly ingressList: SecurityGroupIngress[];
  readonly egressList: SecurityGroupEgress[];
}

const ALL_OUT: SecurityGroupEgress[] = [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 0, toPort: 0, protocol: '-1' }];

const BASTION: HostConfig = {
  usage: 'BASTION',
  ami: 'ami-033a6a056910d1137',
  instanceType: 't3.micro',
  associatePublicIpAddress: true,
  ingressList: [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 22, toPort: 22, protocol: 'tcp' }],
  egressList: ALL_OUT,
};

const WEB_TEST: HostConfig = {
  usage: 'WEBTEST',
  ami: 'ami-033a6a056910d1137',
  instanceType: 't3.small',
  associatePublicIpAddress: true,
  ingressList: [{ cidrBlocks: ['0.0.0.0/0'], fromPort: 0, toPort: 0, protocol: '-1' }],
  egressList: ALL_OUT,
};

function nameOf(code: string, usage: string, zone?: string): string {
  return [TAGS.Project, TAGS.Stage, code, usage, zone].filter(Boolean).join('-');
}

class Host extends Construct {
  constructor(scope: Construct, vpcId: string, subnetId: string, config: HostConfig) {
    const name = nameOf('EC2', config.usage);
    super(scope, name);
    const group = new SecurityGroup(this, 'SG', {
      name: nameOf('SG', config.usage),
      vpcId,
      ingress: config.ingressList,
      egress: config.egressList,
      tags: { ...TAGS, Name: nameOf('SG', config.usage) },
    });
    const key = new KeyPair(this, 'KEY', {
      keyName: `${name}-KEY`,
      publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIO4bV0x7u4mS2k9n0H3cQ2lS1oZ1v9f6fC4f8YdC3B2a netlab',
    });
    new Instance(this, name, {
      ami: config.ami,
      instanceType: config.instanceType,
      subnetId,
      keyName: key.keyName,
      associatePublicIpAddress: config.associatePublicIpAddress,
      vpcSecurityGroupIds: [group.id],
      tags: { ...TAGS, Name: name },
    });
  }
}

class NetworkStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'AWS', { region: 'ap-northeast-2' });

    const vpc = new Vpc(this, 'VPC', {
      cidrBlock: '10.1.0.0/16',
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { ...TAGS, Name: nameOf('VPC', 'MAIN') },
    });
    const igw = new InternetGateway(this, 'IGW', { vpcId: vpc.id, tags: { ...TAGS, Name: nameOf('IGW', 'MAIN') } });
    const publicRoutes = new RouteTable(this, 'RT-PUB', { vpcId: vpc.id, route: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }], tags: TAGS });

    const publicSubnets: Subnet[] = [];
    ZONES.forEach((zone, i) => {
      const pub = new Subnet(this, `SBN-PUB-${zone}`, {
        vpcId: vpc.id,
        cidrBlock: `10.1.${i}.0/24`,
        availabilityZone: `ap-northeast-2${zone}`,
        tags: { ...TAGS, Name: nameOf('SBN', 'PUB', zone) },
      });
      const pri = new Subnet(this, `SBN-PRI-${zone}`, {
        vpcId: vpc.id,
        cidrBlock: `10.1.${i + 10}.0/24`,
        availabilityZone: `ap-northeast-2${zone}`,
        tags: { ...TAGS, Name: nameOf('SBN', 'PRI', zone) },
      });
      publicSubnets.push(pub);
      new RouteTableAssociation(this, `RTA-PUB-${zone}`, { subnetId: pub.id, routeTableId: publicRoutes.id });

      // A public NAT gateway gets its own Elastic IP (constructs/network/aws_nat.ts); nothing else uses it.
      const natIp = new Eip(this, `EIP-NAT-${zone}`, { domain: 'vpc', tags: { ...TAGS, Name: nameOf('EIP', 'NAT', zone) } });
      const nat = new NatGateway(this, `NAT-${zone}`, {
        subnetId: pub.id,
        connectivityType: 'public',
        allocationId: natIp.allocationId,
        tags: { ...TAGS, Name: nameOf('NAT', 'PRI', zone) },
      });
      const privateRoutes = new RouteTable(this, `RT-PRI-${zone}`, { vpcId: vpc.id, route: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }], tags: TAGS });
      new RouteTableAssociation(this, `RTA-PRI-${zone}`, { subnetId: pri.id, routeTableId: privateRoutes.id });
    });

    new Host(this, vpc.id, publicSubnets[0].id, BASTION);
    new Host(this, vpc.id, publicSubnets[1].id, WEB_TEST);
  }
}

export function buildBastionNetwork(app: App): void {
  new NetworkStack(app, 'AWS-NETWORK');
}
