/**
 * A WebRTC service on Fargate: signalling over HTTPS through an ALB, media over UDP through one network load
 * balancer, and TURN/STUN through another (UDP and TCP on 3478, TURN over TLS on 5349).
 *
 * Shaped after po-studio/awestruck (infra/main.ts): a two-subnet public VPC, one security group for the
 * tasks open to the internet on the signalling port, 443, the media UDP range, the ephemeral UDP range and
 * the STUN ports; an HTTPS listener on the ALB; `loadBalancerType: 'network'` load balancers with one `UDP`
 * listener per media port forwarding to a single UDP target group; a TURN NLB; Route 53 aliases to both.
 * The TCP and TLS TURN listeners are ours (TURN's standard transports next to the UDP one that file has).
 * Our own code, written for this corpus.
 */
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Lb } from '@cdktf/provider-aws/lib/lb';
import { LbTargetGroup } from '@cdktf/provider-aws/lib/lb-target-group';
import { LbListener } from '@cdktf/provider-aws/lib/lb-listener';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';

const MEDIA_PORTS = [10000, 10001, 10002];

class WebrtcStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });
    const certificateArn = new TerraformVariable(this, 'certificate_arn', { type: 'string' }).stringValue;
    const zoneId = new TerraformVariable(this, 'zone_id', { type: 'string' }).stringValue;

    const vpc = new Vpc(this, 'vpc', { cidrBlock: '10.0.0.0/16', enableDnsHostnames: true, enableDnsSupport: true });
    const igw = new InternetGateway(this, 'igw', { vpcId: vpc.id });
    const subnets = ['a', 'b'].map(
      (z, i) =>
        new Subnet(this, `subnet-${z}`, { vpcId: vpc.id, cidrBlock: `10.0.${i + 1}.0/24`, availabilityZone: `us-east-1${z}`, mapPublicIpOnLaunch: true }),
    );
    const routes = new RouteTable(this, 'routes', { vpcId: vpc.id });
    new Route(this, 'internet', { routeTableId: routes.id, destinationCidrBlock: '0.0.0.0/0', gatewayId: igw.id });
    subnets.forEach((s, i) => new RouteTableAssociation(this, `routes-${i}`, { subnetId: s.id, routeTableId: routes.id }));
    const subnetIds = subnets.map((s) => s.id);

    new SecurityGroup(this, 'tasks', {
      name: 'webrtc-tasks',
      description: 'WebRTC tasks',
      vpcId: vpc.id,
      ingress: [
        { fromPort: 8080, toPort: 8080, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 10000, toPort: 10010, protocol: 'udp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 32768, toPort: 65535, protocol: 'udp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 3478, toPort: 3478, protocol: 'udp', cidrBlocks: ['0.0.0.0/0'] },
        { fromPort: 3479, toPort: 3479, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] },
      ],
      egress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }],
    });

    // Signalling: HTTPS on an ALB.
    const albSg = new SecurityGroup(this, 'alb', {
      name: 'webrtc-alb',
      description: 'signalling ALB',
      vpcId: vpc.id,
      ingress: [{ fromPort: 443, toPort: 443, protocol: 'tcp', cidrBlocks: ['0.0.0.0/0'] }],
      egress: [{ fromPort: 0, toPort: 0, protocol: '-1', cidrBlocks: ['0.0.0.0/0'] }],
    });
    const alb = new Lb(this, 'signalling', {
      name: 'webrtc-signalling',
      internal: false,
      loadBalancerType: 'application',
      securityGroups: [albSg.id],
      subnets: subnetIds,
    });
    const signalling = new LbTargetGroup(this, 'signalling-targets', {
      name: 'webrtc-signalling',
      port: 8080,
      protocol: 'HTTP',
      targetType: 'ip',
      vpcId: vpc.id,
      healthCheck: { enabled: true, path: '/', port: '8080', protocol: 'HTTP', matcher: '200-299' },
    });
    new LbListener(this, 'signalling-https', {
      loadBalancerArn: alb.arn,
      port: 443,
      protocol: 'HTTPS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn: signalling.arn }],
    });

    // Media: UDP on a network load balancer, one listener per port.
    const mediaNlb = new Lb(this, 'media', {
      name: 'webrtc-media',
      internal: false,
      loadBalancerType: 'network',
      subnets: subnetIds,
      enableCrossZoneLoadBalancing: true,
    });
    const media = new LbTargetGroup(this, 'media-targets', {
      name: 'webrtc-media',
      port: MEDIA_PORTS[0],
      protocol: 'UDP',
      targetType: 'ip',
      vpcId: vpc.id,
      healthCheck: { enabled: true, protocol: 'TCP', port: '8080' },
    });
    for (const port of MEDIA_PORTS) {
      new LbListener(this, `media-udp-${port}`, {
        loadBalancerArn: mediaNlb.arn,
        port,
        protocol: 'UDP',
        defaultAction: [{ type: 'forward', targetGroupArn: media.arn }],
      });
    }

    // TURN/STUN: UDP and TCP on 3478, TURN over TLS on 5349.
    const turnNlb = new Lb(this, 'turn', {
      name: 'webrtc-turn',
      internal: false,
      loadBalancerType: 'network',
      subnets: subnetIds,
      enableCrossZoneLoadBalancing: true,
    });
    const turnUdp = new LbTargetGroup(this, 'turn-udp-targets', {
      name: 'turn-udp',
      port: 3478,
      protocol: 'UDP',
      targetType: 'ip',
      vpcId: vpc.id,
      healthCheck: { enabled: true, protocol: 'TCP', port: '3479' },
    });
    const turnTcp = new LbTargetGroup(this, 'turn-tcp-targets', { name: 'turn-tcp', port: 3478, protocol: 'TCP', targetType: 'ip', vpcId: vpc.id });
    new LbListener(this, 'turn-udp', {
      loadBalancerArn: turnNlb.arn,
      port: 3478,
      protocol: 'UDP',
      defaultAction: [{ type: 'forward', targetGroupArn: turnUdp.arn }],
    });
    new LbListener(this, 'turn-tcp', {
      loadBalancerArn: turnNlb.arn,
      port: 3478,
      protocol: 'TCP',
      defaultAction: [{ type: 'forward', targetGroupArn: turnTcp.arn }],
    });
    new LbListener(this, 'turn-tls', {
      loadBalancerArn: turnNlb.arn,
      port: 5349,
      protocol: 'TLS',
      sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
      certificateArn,
      defaultAction: [{ type: 'forward', targetGroupArn: turnTcp.arn }],
    });

    new Route53Record(this, 'signalling-dns', {
      zoneId,
      name: 'rtc.example.com',
      type: 'A',
      alias: { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
    });
    new Route53Record(this, 'turn-dns', {
      zoneId,
      name: 'turn.example.com',
      type: 'A',
      alias: { name: turnNlb.dnsName, zoneId: turnNlb.zoneId, evaluateTargetHealth: true },
    });
  }
}

export function buildNlbWebrtc(app: App): void {
  new WebrtcStack(app, 'webrtc');
}
