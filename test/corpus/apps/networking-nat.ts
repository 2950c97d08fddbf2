/**
 * A dual-stack VPC with public and private subnets in three zones, a NAT gateway (on its own Elastic IP)
 * giving the private subnets outbound access, and a public ALB on HTTP in front of a Fargate service.
 *
 * Shaped after DanielMSchmidt/cdktf-aws-networking-demo (main.ts, itself a port of
 * hashicorp/microservices-architecture-on-aws part 2): subnets carved with `Fn.cidrsubnet`, an `Eip` whose
 * only use is the NAT gateway's `allocationId`, a default route from the private route table to the NAT
 * gateway, an ALB security group built from separate `SecurityGroupRule`s (HTTP from 0.0.0.0/0 and ::/0, all
 * egress), a service security group admitting the ALB's group and itself, and an ECS service on private
 * subnets without public IPs. Our own code, written for this corpus.
 */
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { SecurityGroupRule } from '@cdktf/provider-aws/lib/security-group-rule';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { EcsCluster } from '@cdktf/provider-aws/lib/ecs-cluster';
import { EcsTaskDefinition } from '@cdktf/provider-aws/lib/ecs-task-definition';
import { EcsService } from '@cdktf/provider-aws/lib/ecs-service';

const REGION = 'eu-central-1';
const ZONES = ['a', 'b', 'c'].map((z) => `${REGION}${z}`);
const PORT = 9090;

class NetworkingStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const tags = { project: 'networking-demo' };
    new AwsProvider(this, 'aws', { region: REGION, defaultTags: [{ tags }] });

    const vpc = new Vpc(this, 'main', {
      cidrBlock: '10.255.0.0/20',
      assignGeneratedIpv6CidrBlock: true,
      enableDnsHostnames: true,
      enableDnsSupport: true,
      tags: { Name: 'networking-demo' },
    });

    const publicSubnets = ZONES.map(
      (az, i) =>
        new Subnet(this, `public-${az}`, {
          vpcId: vpc.id,
          availabilityZone: az,
          cidrBlock: Fn.cidrsubnet(vpc.cidrBlock, 4, i),
          ipv6CidrBlock: Fn.cidrsubnet(vpc.ipv6CidrBlock, 8, i),
          assignIpv6AddressOnCreation: true,
          mapPublicIpOnLaunch: true,
        }),
    );
    const privateSubnets = ZONES.map(
      (az, i) => new Subnet(this, `private-${az}`, { vpcId: vpc.id, availabilityZone: az, cidrBlock: Fn.cidrsubnet(vpc.cidrBlock, 4, i + ZONES.length) }),
    );

    // Private subnets reach the internet through one NAT gateway; its Elastic IP serves nothing else.
    const natIp = new Eip(this, 'nat-ip', { domain: 'vpc' });
    const nat = new NatGateway(this, 'nat', { allocationId: natIp.id, subnetId: publicSubnets[0].id, dependsOn: [natIp] });
    const privateRoutes = new RouteTable(this, 'private-routes', { vpcId: vpc.id });
    new Route(this, 'private-default', { routeTableId: privateRoutes.id, destinationCidrBlock: '0.0.0.0/0', natGatewayId: nat.id });
    privateSubnets.forEach((s, i) => new RouteTableAssociation(this, `private-assoc-${i}`, { routeTableId: privateRoutes.id, subnetId: s.id }));

    const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const publicRoutes = new RouteTable(this, 'public-routes', { vpcId: vpc.id });
    new Route(this, 'public-default', { routeTableId: publicRoutes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    publicSubnets.forEach((s, i) => new RouteTableAssociation(this, `public-assoc-${i}`, { routeTableId: publicRoutes.id, subnetId: s.id }));

    // The public ALB.
    const albSg = new SecurityGroup(this, 'alb-sg', { namePrefix: 'client-alb-', description: 'client ALB', vpcId: vpc.id });
    new SecurityGroupRule(this, 'alb-http-in', {
      securityGroupId: albSg.id,
      type: 'ingress',
      protocol: 'tcp',
      fromPort: 80,
      toPort: 80,
      cidrBlocks: ['0.0.0.0/0'],
      ipv6CidrBlocks: ['::/0'],
      description: 'HTTP from anywhere',
    });
    new SecurityGroupRule(this, 'alb-all-out', {
      securityGroupId: albSg.id,
      type: 'egress',
      protocol: '-1',
      fromPort: 0,
      toPort: 0,
      cidrBlocks: ['0.0.0.0/0'],
      ipv6CidrBlocks: ['::/0'],
      description: 'any outbound',
    });
    const alb = new Lb(this, 'client-alb', {
      namePrefix: 'cl-',
      loadBalancerType: 'application',
      securityGroups: [albSg.id],
      subnets: publicSubnets.map((s) => s.id),
      ipAddressType: 'dualstack',
      idleTimeout: 60,
    });
    const targets = new LbTargetGroup(this, 'client-targets', {
      namePrefix: 'cl-',
      port: PORT,
      protocol: 'HTTP',
      targetType: 'ip',
      vpcId: vpc.id,
      deregistrationDelay: '30',
      healthCheck: { enabled: true, path: '/', protocol: 'HTTP' },
    });
    new LbListener(this, 'client-http', {
      loadBalancerArn: alb.arn,
      port: 80,
      protocol: 'HTTP',
      defaultAction: [{ type: 'forward', targetGroupArn: targets.arn }],
    });

    // The service behind it.
    const serviceSg = new SecurityGroup(this, 'service-sg', { namePrefix: 'client-service-', description: 'client service', vpcId: vpc.id });
    new SecurityGroupRule(this, 'service-from-alb', {
      securityGroupId: serviceSg.id,
      type: 'ingress',
      protocol: 'tcp',
      fromPort: PORT,
      toPort: PORT,
      sourceSecurityGroupId: albSg.id,
      description: 'from the client ALB',
    });
    new SecurityGroupRule(this, 'service-self', {
      securityGroupId: serviceSg.id,
      type: 'ingress',
      protocol: '-1',
      fromPort: 0,
      toPort: 0,
      selfAttribute: true,
      description: 'between tasks',
    });
    new SecurityGroupRule(this, 'service-all-out', {
      securityGroupId: serviceSg.id,
      type: 'egress',
      protocol: '-1',
      fromPort: 0,
      toPort: 0,
      cidrBlocks: ['0.0.0.0/0'],
      description: 'any outbound',
    });

    const cluster = new EcsCluster(this, 'cluster', { name: 'networking-demo' });
    const task = new EcsTaskDefinition(this, 'client-task', {
      family: 'client',
      cpu: '256',
      memory: '512',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      containerDefinitions: Fn.jsonencode([
        { name: 'client', image: 'nicholasjackson/fake-service:v0.26.2', essential: true, portMappings: [{ containerPort: PORT, protocol: 'tcp' }] },
      ]),
    });
    new EcsService(this, 'client', {
      name: 'client',
      cluster: cluster.arn,
      taskDefinition: task.arn,
      desiredCount: 1,
      launchType: 'FARGATE',
      loadBalancer: [{ targetGroupArn: targets.arn, containerName: 'client', containerPort: PORT }],
      networkConfiguration: { subnets: privateSubnets.map((s) => s.id), assignPublicIp: false, securityGroups: [serviceSg.id] },
    });

    new TerraformOutput(this, 'alb-dns', { value: alb.dnsName });
  }
}

export function buildNetworkingNat(app: App): void {
  new NetworkingStack(app, 'networking-demo');
}
