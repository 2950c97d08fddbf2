import { publicIpRequiresApproval as rule } from '../../../rules/cross-cloud/public-ip-requires-approval';
import { itHonoursItsExamples } from '../../helpers/examples';
import { findings, findingsFor, kinds } from '../../helpers/rule-harness';

const approved = { exposure: 'public' };
const subnet = (map: unknown) => ({ resource: { aws_subnet: { pub: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', map_public_ip_on_launch: map } } } });

describe('public-ip-requires-approval: AWS', () => {
  itHonoursItsExamples(rule);

  describe('aws_instance', () => {
    test('associate_public_ip_address = true needs the approval tag', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: true }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: true, tags: approved })).toEqual([]);
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: false })).toEqual([]);
    });

    test('a wrong tag value is not approval', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: { exposure: 'private' } }))).toEqual([
        'violation',
      ]);
    });

    test('unset associate_public_ip_address: the subnet in the stack decides', () => {
      const body = { subnet_id: '${aws_subnet.pub.id}' };
      expect(kinds(findingsFor(rule, 'aws_instance', body, subnet(true)))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_instance', { ...body, tags: approved }, subnet(true))).toEqual([]);
      expect(findingsFor(rule, 'aws_instance', body, subnet(false))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', body, subnet('${var.public}')))).toEqual(['unknown']);
    });

    test('unset associate_public_ip_address and a subnet outside the stack is unknown (fail closed)', () => {
      const found = findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-0abc' });
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/subnet subnet-0abc is not in this stack/);
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: '${var.subnet}' }))).toEqual(['unknown']);
    });

    test('no subnet_id means the default VPC, which assigns public IPs', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1' }))).toEqual(['violation']);
    });

    test('global IPv6 addresses are public too', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: false, ipv6_address_count: 1 }))).toEqual(['violation']);
    });

    test('associate_public_ip_address from a variable is unknown', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: '${var.pub}' }))).toEqual(['unknown']);
    });

    test('provider default_tags count as approval; a tags expression is unknown', () => {
      const provider = { aws: { region: 'eu-west-1', default_tags: { tags: approved } } };
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true }, { provider })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: '${merge(var.tags, {})}' }))).toEqual([
        'unknown',
      ]);
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: { exposure: '${var.e}' } }))).toEqual([
        'unknown',
      ]);
    });

    test('an aliased provider is honoured (provider meta-argument)', () => {
      const provider = { aws: [{ region: 'eu-west-1' }, { alias: 'east', region: 'us-east-1', default_tags: [{ tags: approved }] }] };
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, provider: 'aws.east' }, { provider })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true }, { provider }))).toEqual(['violation']);
    });
  });

  test('aws_subnet with map_public_ip_on_launch', () => {
    expect(kinds(findingsFor(rule, 'aws_subnet', { map_public_ip_on_launch: true }))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_subnet', { map_public_ip_on_launch: true, tags: approved })).toEqual([]);
    expect(findingsFor(rule, 'aws_subnet', { cidr_block: '10.0.0.0/24' })).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_subnet', { map_public_ip_on_launch: '${var.m}' }))).toEqual(['unknown']);
  });

  test('aws_eip always needs approval, and so does the instance it is attached to', () => {
    expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_eip', { domain: 'vpc', tags: approved })).toEqual([]);
    const instance = (tags: object) => ({ resource: { aws_instance: { web: { subnet_id: 's', associate_public_ip_address: false, tags } } } });
    const attached = { domain: 'vpc', tags: approved, instance: '${aws_instance.web.id}' };
    expect(findingsFor(rule, 'aws_eip', attached, instance(approved))).toEqual([]);
    const found = findingsFor(rule, 'aws_eip', attached, instance({}));
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].message).toMatch(/aws_instance\.web/);
    expect(kinds(findingsFor(rule, 'aws_eip', { ...attached, instance: 'i-0123' }))).toEqual(['unknown']);
  });

  describe('an Elastic IP used only by a NAT gateway is outbound-only (corpus: networking-nat, bastion-network)', () => {
    // new Eip(this, 'nat-ip', { domain: 'vpc' }); new NatGateway(this, 'nat', { allocationId: natIp.id, subnetId: … })
    const nat = (allocation: Record<string, unknown>) => ({ aws_nat_gateway: { nat: { subnet_id: '${aws_subnet.pub.id}', ...allocation } } });
    const withNat = (allocation: Record<string, unknown> = { allocation_id: '${aws_eip.subject.id}' }, more: Record<string, Record<string, unknown>> = {}) => ({
      resource: { ...nat(allocation), ...more },
    });

    test('needs no approval, and says why', () => {
      expect(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat())).toEqual([]);
      expect(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat({ allocation_id: '${aws_eip.subject.allocation_id}' }))).toEqual([]);
      expect(
        findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat({ allocation_id: '${aws_eip.other.id}', secondary_allocation_ids: ['${aws_eip.subject.id}'] })),
      ).toEqual([]);
      const results = findings(rule, { resource: { aws_eip: { subject: { domain: 'vpc' } }, ...nat({ allocation_id: '${aws_eip.subject.id}' }) } }, {});
      expect(results).toEqual([]);
    });

    test('is public again when anything else may put it in front of a host or a load balancer', () => {
      const association = (allocation_id: string) => ({ aws_eip_association: { a: { allocation_id, instance_id: 'i-1' } } });
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc', instance: 'i-0123' }, withNat()))).toEqual(['violation', 'unknown']);
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat(undefined, association('${aws_eip.subject.id}'))))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat(undefined, association('${var.allocation}'))))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat(undefined, association('${aws_eip.other.id}')))).toEqual([]);
      const nlb = { aws_lb: { nlb: { load_balancer_type: 'network', subnet_mapping: [{ subnet_id: 's', allocation_id: '${aws_eip.subject.id}' }] } } };
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat(undefined, nlb)))).toEqual(['violation']);
    });

    test('a NAT gateway that does not name it, or names it through an expression, does not make it outbound-only', () => {
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat({ allocation_id: '${aws_eip.other.id}' })))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat({ allocation_id: '${var.eip}' })))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_eip', { domain: 'vpc' }, withNat({ allocation_id: 'eipalloc-0123' })))).toEqual(['violation']);
    });
  });

  test('aws_eip_association: the instance must be approved', () => {
    const instance = (tags: object) => ({ resource: { aws_instance: { web: { subnet_id: 's', associate_public_ip_address: false, tags } } } });
    expect(kinds(findingsFor(rule, 'aws_eip_association', { instance_id: '${aws_instance.web.id}' }, instance({})))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_eip_association', { instance_id: '${aws_instance.web.id}' }, instance(approved))).toEqual([]);
    // An interface outside the stack hides which instance becomes public.
    expect(kinds(findingsFor(rule, 'aws_eip_association', { network_interface_id: 'eni-1' }))).toEqual(['unknown']);
  });

  describe('an Elastic IP on a network interface exposes the instance behind it', () => {
    const web = (tags: object) => ({ web: { subnet_id: 's', associate_public_ip_address: false, tags } });
    const eni = (extra: object = {}) => ({ nic: { subnet_id: 's', ...extra } });
    const byAttachmentBlock = (tags: object) => ({
      resource: { aws_instance: web(tags), aws_network_interface: eni({ attachment: { instance: '${aws_instance.web.id}', device_index: 1 } }) },
    });
    const byAttachmentResource = (tags: object) => ({
      resource: {
        aws_instance: web(tags),
        aws_network_interface: eni(),
        aws_network_interface_attachment: {
          a: { instance_id: '${aws_instance.web.id}', network_interface_id: '${aws_network_interface.nic.id}', device_index: 1 },
        },
      },
    });
    const byLaunch = (tags: object) => ({
      resource: {
        aws_spot_instance_request: { web: { tags, network_interface: [{ network_interface_id: '${aws_network_interface.nic.id}', device_index: 0 }] } },
        aws_network_interface: eni(),
      },
    });
    const cases = [
      ['aws_eip', { domain: 'vpc', tags: approved, network_interface: '${aws_network_interface.nic.id}' }],
      ['aws_eip_association', { network_interface_id: '${aws_network_interface.nic.id}', allocation_id: 'eipalloc-1' }],
    ] as const;
    test.each(cases)('%s: attachment block, attachment resource, or launched with it', (type, body) => {
      for (const stack of [byAttachmentBlock, byAttachmentResource, byLaunch]) {
        const found = findingsFor(rule, type, body, stack({}));
        expect(kinds(found)).toEqual(['violation']);
        expect(found[0].message).toMatch(/aws_(spot_)?instance(_request)?\.web/);
        expect(findingsFor(rule, type, body, stack(approved))).toEqual([]);
      }
    });
    test.each(cases)('%s: unknown when the interface or its instance is not in the stack', (type, body) => {
      expect(kinds(findingsFor(rule, type, body))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, type, body, { resource: { aws_network_interface: eni() } }))).toEqual(['unknown']);
      expect(
        kinds(findingsFor(rule, type, body, { resource: { aws_network_interface: eni({ attachment: { instance: 'i-0123', device_index: 1 } }) } })),
      ).toEqual(['unknown']);
    });
  });

  describe('aws_spot_instance_request (the aws_instance schema)', () => {
    test('fires when public and unapproved, quiet when approved or private, unknown for an expression', () => {
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { subnet_id: 's', associate_public_ip_address: true }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_spot_instance_request', { subnet_id: 's', associate_public_ip_address: true, tags: approved })).toEqual([]);
      expect(findingsFor(rule, 'aws_spot_instance_request', { subnet_id: 's', associate_public_ip_address: false })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { subnet_id: 's', associate_public_ip_address: '${var.p}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_spot_instance_request', { ami: 'ami-1' }))).toEqual(['violation']);
    });
    test('an Elastic IP on a spot instance needs the request approved', () => {
      const spot = (tags: object) => ({ resource: { aws_spot_instance_request: { w: { subnet_id: 's', associate_public_ip_address: false, tags } } } });
      const body = { instance_id: '${aws_spot_instance_request.w.spot_instance_id}' };
      expect(kinds(findingsFor(rule, 'aws_eip_association', body, spot({})))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_eip_association', body, spot(approved))).toEqual([]);
    });
  });

  describe('IPv6', () => {
    test('unknown IPv6 settings on an instance make its exposure unknown, never "no IPv6"', () => {
      for (const type of ['aws_instance', 'aws_spot_instance_request']) {
        const base = { subnet_id: 's', associate_public_ip_address: false };
        expect(kinds(findingsFor(rule, type, { ...base, ipv6_address_count: '${var.n}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ...base, ipv6_addresses: '${var.ips}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { ...base, ipv6_addresses: ['2001:db8::1'] }))).toEqual(['violation']);
        expect(findingsFor(rule, type, { ...base, ipv6_address_count: 0 })).toEqual([]);
        expect(findingsFor(rule, type, { ...base, ipv6_address_count: 1, tags: approved })).toEqual([]);
        // A known public IPv4 needs approval whatever the IPv6 settings are.
        expect(kinds(findingsFor(rule, type, { subnet_id: 's', associate_public_ip_address: true, ipv6_address_count: '${var.n}' }))).toEqual(['violation']);
      }
    });

    const v6subnet = (assign: unknown) => ({
      resource: { aws_subnet: { pub: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', assign_ipv6_address_on_creation: assign } } },
    });
    test('a subnet with assign_ipv6_address_on_creation needs approval', () => {
      expect(kinds(findingsFor(rule, 'aws_subnet', { assign_ipv6_address_on_creation: true }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_subnet', { assign_ipv6_address_on_creation: true, tags: approved })).toEqual([]);
      expect(findingsFor(rule, 'aws_subnet', { assign_ipv6_address_on_creation: false })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_subnet', { assign_ipv6_address_on_creation: '${var.v6}' }))).toEqual(['unknown']);
    });
    test('an instance in such a subnet (in this stack) with unset IPv6 settings gets a public IPv6 address', () => {
      const body = { subnet_id: '${aws_subnet.pub.id}', associate_public_ip_address: false };
      expect(kinds(findingsFor(rule, 'aws_instance', body, v6subnet(true)))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_instance', { ...body, tags: approved }, v6subnet(true))).toEqual([]);
      expect(findingsFor(rule, 'aws_instance', body, v6subnet(false))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_instance', body, v6subnet('${var.v6}')))).toEqual(['unknown']);
    });

    test('launch template interfaces with IPv6 addresses are public; unknown counts are unknown', () => {
      const lt = (nic: object, extra: object = {}) => ({ network_interfaces: [{ associate_public_ip_address: false, ...nic }], ...extra });
      expect(kinds(findingsFor(rule, 'aws_launch_template', lt({ ipv6_address_count: 1 })))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', lt({ ipv6_addresses: ['2001:db8::1'] })))).toEqual(['violation']);
      expect(
        findingsFor(rule, 'aws_launch_template', lt({ ipv6_address_count: 1 }, { tag_specifications: [{ resource_type: 'instance', tags: approved }] })),
      ).toEqual([]);
      expect(findingsFor(rule, 'aws_launch_template', lt({ ipv6_address_count: 0 }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_launch_template', lt({ ipv6_address_count: '${var.n}' })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_template', lt({ ipv6_addresses: '${var.ips}' })))).toEqual(['unknown']);
    });
  });

  test('a launch template tagged through a dynamic tag_specifications that may be empty is not known to be approved', () => {
    const nic = { network_interfaces: [{ associate_public_ip_address: true }] };
    const spec = (forEach: unknown) => ({
      ...nic,
      dynamic: { tag_specifications: { for_each: forEach, content: { resource_type: 'instance', tags: approved } } },
    });
    expect(findingsFor(rule, 'aws_launch_template', spec([1]))).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_launch_template', spec('${var.specs}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_launch_template', spec([])))).toEqual(['violation']);
  });

  test('provider default_tags from a dynamic block that may be empty are not known approval', () => {
    const provider = (forEach: unknown) => ({
      provider: { aws: { region: 'eu-west-1', dynamic: { default_tags: { for_each: forEach, content: { tags: approved } } } } },
    });
    const body = { subnet_id: 's', associate_public_ip_address: true };
    expect(findingsFor(rule, 'aws_instance', body, provider([1]))).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_instance', body, provider('${var.t}')))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_instance', body, provider([])))).toEqual(['violation']);
  });

  describe('aws_launch_configuration', () => {
    const group = (tag: unknown) => ({
      resource: { aws_autoscaling_group: { asg: { launch_configuration: '${aws_launch_configuration.subject.name}', min_size: 1, max_size: 2, tag } } },
    });
    const approvalTag = { key: 'exposure', value: 'public', propagate_at_launch: true };
    const body = { image_id: 'ami-1', instance_type: 't3.micro', associate_public_ip_address: true };
    test('associate_public_ip_address = true needs its autoscaling groups to tag instances', () => {
      const found = findingsFor(rule, 'aws_launch_configuration', body, group([{ key: 'team', value: 'x', propagate_at_launch: true }]));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toMatch(/aws_autoscaling_group\.asg/);
      expect(findingsFor(rule, 'aws_launch_configuration', body, group([approvalTag]))).toEqual([]);
      // A tag that does not reach the instances is no approval.
      expect(kinds(findingsFor(rule, 'aws_launch_configuration', body, group([{ ...approvalTag, propagate_at_launch: false }])))).toEqual(['violation']);
    });
    test('quiet when not public; unknown for an expression or without a group in the stack', () => {
      expect(findingsFor(rule, 'aws_launch_configuration', { ...body, associate_public_ip_address: false })).toEqual([]);
      expect(findingsFor(rule, 'aws_launch_configuration', { image_id: 'ami-1' })).toEqual([]);
      expect(kinds(findingsFor(rule, 'aws_launch_configuration', { ...body, associate_public_ip_address: '${var.p}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_configuration', body))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_launch_configuration', body, group([{ ...approvalTag, value: '${var.e}' }])))).toEqual(['unknown']);
    });
  });

  test('aws_launch_template network interfaces with public addresses', () => {
    const nic = { network_interfaces: [{ associate_public_ip_address: true }] };
    expect(kinds(findingsFor(rule, 'aws_launch_template', nic))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_launch_template', { ...nic, tag_specifications: [{ resource_type: 'instance', tags: approved }] })).toEqual([]);
    expect(findingsFor(rule, 'aws_launch_template', { ...nic, tags: approved })).toEqual([]);
    expect(findingsFor(rule, 'aws_launch_template', { network_interfaces: [{ associate_public_ip_address: false }] })).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_launch_template', { network_interfaces: { associate_public_ip_address: '${var.p}' } }))).toEqual(['unknown']);
    expect(
      kinds(
        findingsFor(rule, 'aws_launch_template', { dynamic: { network_interfaces: { for_each: '${var.n}', content: { associate_public_ip_address: true } } } }),
      ),
    ).toEqual(['violation']);
  });

  test.each(['aws_lb', 'aws_alb'])('%s: internet-facing unless internal (internal defaults to false)', (type) => {
    expect(kinds(findingsFor(rule, type, { name: 'x' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, type, { internal: false }))).toEqual(['violation']);
    expect(findingsFor(rule, type, { internal: false, tags: approved })).toEqual([]);
    expect(findingsFor(rule, type, { internal: true })).toEqual([]);
    expect(kinds(findingsFor(rule, type, { internal: '${var.i}' }))).toEqual(['unknown']);
  });

  test('the approval tag is configurable', () => {
    const options = { publicExposureTag: { aws: { key: 'internet-facing', value: 'approved' } } };
    expect(findingsFor(rule, 'aws_eip', { tags: { 'internet-facing': 'approved' } }, {}, options)).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_eip', { tags: approved }, {}, options))).toEqual(['violation']);
  });
});

describe('public-ip-requires-approval: DigitalOcean', () => {
  test('a droplet always has a public IPv4 and needs exposure:public', () => {
    expect(kinds(findingsFor(rule, 'digitalocean_droplet', { image: 'ubuntu-24-04-x64', tags: ['role:derp'] }))).toEqual(['violation']);
    expect(findingsFor(rule, 'digitalocean_droplet', { tags: ['role:derp', 'exposure:public'] })).toEqual([]);
    expect(kinds(findingsFor(rule, 'digitalocean_droplet', { tags: ['role:derp', '${var.extra}'] }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'digitalocean_droplet', { tags: '${var.tags}' }))).toEqual(['unknown']);
    expect(findingsFor(rule, 'digitalocean_droplet', { tags: ['edge'] }, {}, { publicExposureTag: { digitalocean: 'edge' } })).toEqual([]);
  });

  const droplet = (tags: string[]) => ({ resource: { digitalocean_droplet: { relay: { image: 'x', tags } } } });

  test.each(['digitalocean_reserved_ip', 'digitalocean_reserved_ip_assignment', 'digitalocean_floating_ip', 'digitalocean_reserved_ipv6_assignment'])(
    '%s: the droplet it points at must be approved',
    (type) => {
      const body = { droplet_id: '${digitalocean_droplet.relay.id}', region: 'fra1' };
      const found = findingsFor(rule, type, body, droplet(['role:derp']));
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].message).toMatch(/digitalocean_droplet\.relay/);
      expect(findingsFor(rule, type, body, droplet(['exposure:public']))).toEqual([]);
      expect(kinds(findingsFor(rule, type, { droplet_id: '${var.droplet}' }))).toEqual(['unknown']);
    },
  );

  describe('digitalocean_droplet_autoscale', () => {
    const pool = (tags: unknown) => ({
      name: 'relays',
      config: { min_instances: 1, max_instances: 3 },
      droplet_template: { size: 's-1vcpu-1gb', region: 'fra1', image: 'x', ssh_keys: ['1'], tags },
    });
    test('its droplets always have a public IPv4: the template tags need exposure:public', () => {
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', pool(['role:derp'])))).toEqual(['violation']);
      expect(findingsFor(rule, 'digitalocean_droplet_autoscale', pool(['role:derp', 'exposure:public']))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', pool('${var.tags}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'digitalocean_droplet_autoscale', { name: 'relays', droplet_template: '${local.t}' }))).toEqual(['unknown']);
    });
    test('a load balancer forwarding to its tag needs the pool approved', () => {
      const lb = { region: 'fra1', forwarding_rule: [], droplet_tag: 'relay' };
      const stack = (tags: string[]) => ({ resource: { digitalocean_droplet_autoscale: { p: pool(tags) } } });
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb, stack(['relay'])))).toEqual(['violation']);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb, stack(['relay', 'exposure:public']))).toEqual([]);
    });
  });

  test('an unassigned reserved IP exposes nothing', () => {
    expect(findingsFor(rule, 'digitalocean_reserved_ip', { region: 'fra1' })).toEqual([]);
  });

  describe('digitalocean_loadbalancer', () => {
    const lb = (extra: object) => ({ region: 'fra1', forwarding_rule: [], ...extra });
    test('external: every droplet behind it must be approved', () => {
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${digitalocean_droplet.relay.id}'] }), droplet([])))).toEqual([
        'violation',
      ]);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${digitalocean_droplet.relay.id}'] }), droplet(['exposure:public']))).toEqual(
        [],
      );
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplet(['web', 'exposure:public']))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplet(['web'])))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({})))).toEqual(['violation']);
    });
    test('droplet_ids written as cdktf writes Fn.tonumber(droplet.id) resolve to the droplets (corpus: do-droplets-lb)', () => {
      // dropletIds: droplets.map((d) => Fn.tonumber(d.id)) synthesizes to "${tonumber(digitalocean_droplet.web-0.id)}".
      const web = (tags: string[]) => ({ resource: { digitalocean_droplet: { 'web-0': { image: 'x', tags }, 'web-1': { image: 'x', tags } } } });
      const body = lb({ droplet_ids: ['${tonumber(digitalocean_droplet.web-0.id)}', '${tonumber(digitalocean_droplet.web-1.id)}'] });
      const found = findingsFor(rule, 'digitalocean_loadbalancer', body, web(['web']));
      expect(kinds(found)).toEqual(['violation', 'violation']);
      expect(found.map((f) => f.message)).toEqual([
        expect.stringMatching(/^digitalocean_droplet\.web-0 is public/),
        expect.stringMatching(/^digitalocean_droplet\.web-1 is public/),
      ]);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', body, web(['web', 'exposure:public']))).toEqual([]);
      // A droplet not in this stack, or a computed id, is still unknown.
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${tonumber(digitalocean_droplet.gone.id)}'] })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${tonumber(var.id)}'] })))).toEqual(['unknown']);
    });
    test('internal load balancers are not public; an unknown network is unknown', () => {
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ network: 'INTERNAL' }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ network: '${var.n}' })))).toEqual(['unknown']);
    });
  });

  describe('expression-valued network_interfaces are never dropped', () => {
    test('the whole list, or one element, as an expression is unknown; next to a public interface it still fires', () => {
      const found = findingsFor(rule, 'aws_launch_template', { network_interfaces: '${local.nics}' });
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].attribute).toBe('network_interfaces');
      expect(kinds(findingsFor(rule, 'aws_launch_template', { network_interfaces: [{ associate_public_ip_address: false }, '${local.nic}'] }))).toEqual([
        'unknown',
      ]);
      expect(kinds(findingsFor(rule, 'aws_launch_template', { network_interfaces: [{ associate_public_ip_address: true }, '${local.nic}'] })).sort()).toEqual([
        'unknown',
        'violation',
      ]);
      expect(
        findingsFor(rule, 'aws_launch_template', {
          network_interfaces: [{ associate_public_ip_address: true }, '${local.nic}'],
          tags: { exposure: 'public' },
        }).map((f) => f.kind),
      ).toEqual(['unknown']);
    });
  });

  describe('exposure answers keep their reasons', () => {
    test('an instance public by IPv6 and by IPv4: the first known reason is named', () => {
      const [f] = findingsFor(rule, 'aws_instance', { ami: 'ami-1', ipv6_address_count: 1, associate_public_ip_address: true });
      expect(f.message).toContain('ipv6_address_count');
      const [g] = findingsFor(rule, 'aws_instance', { ami: 'ami-1', ipv6_address_count: 0, associate_public_ip_address: true });
      expect(g.message).toContain('associate_public_ip_address = true');
    });
    test('an unknown exposure names what is not known; a known public one wins over it', () => {
      const [f] = findingsFor(rule, 'aws_instance', { ami: 'ami-1', ipv6_address_count: '${var.n}', associate_public_ip_address: false });
      expect(f).toMatchObject({ kind: 'unknown', attribute: 'ipv6_address_count' });
      expect(f.message).toContain('ipv6_address_count is ${var.n}');
      expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', ipv6_address_count: '${var.n}', associate_public_ip_address: true }))).toEqual([
        'violation',
      ]);
      expect(kinds(findingsFor(rule, 'aws_instance', { ami: 'ami-1', ipv6_addresses: '${var.a}', associate_public_ip_address: false }))).toEqual(['unknown']);
    });
  });
});

describe('public-ip-requires-approval: what is read, and what is only unknown', () => {
  const publicNic = { network_interfaces: [{ associate_public_ip_address: true }] };

  test('a launch template: only tag_specifications for instances (or their interfaces) tag the instances', () => {
    const spec = (resource_type: string) => ({ ...publicNic, tag_specifications: [{ resource_type, tags: approved }] });
    expect(findingsFor(rule, 'aws_launch_template', spec('instance'))).toEqual([]);
    expect(findingsFor(rule, 'aws_launch_template', spec('network-interface'))).toEqual([]);
    for (const other of ['volume', 'spot-instances-request']) expect(kinds(findingsFor(rule, 'aws_launch_template', spec(other)))).toEqual(['violation']);
  });

  test('a launch template: tag_specifications whose resource_type is not known may tag something else, so they are not known approval', () => {
    const found = findingsFor(rule, 'aws_launch_template', { ...publicNic, tag_specifications: [{ resource_type: '${var.what}', tags: approved }] });
    expect(kinds(found)).toEqual(['unknown']);
  });

  test('a launch template: tag_specifications as an expression may hold the approval: unknown, not a violation', () => {
    expect(kinds(findingsFor(rule, 'aws_launch_template', { ...publicNic, tag_specifications: '${local.specs}' }))).toEqual(['unknown']);
  });

  test('an attachment to something outside the stack names what it attaches', () => {
    const [found] = findingsFor(rule, 'digitalocean_reserved_ip_assignment', { droplet_id: '${var.droplet}', ip_address: '1.2.3.4' });
    expect(found.message).toMatch(/: it makes \$\{var\.droplet\} public, which is not a digitalocean_droplet in this stack/);
    const [literal] = findingsFor(rule, 'aws_eip_association', { instance_id: 'i-0123' });
    expect(literal.message).toMatch(/: it makes i-0123 public, which is not a aws_instance or aws_spot_instance_request in this stack/);
  });

  test('an Elastic IP on an interface outside the stack names the interface', () => {
    const [found] = findingsFor(rule, 'aws_eip_association', { network_interface_id: 'eni-0abc' });
    expect(found.message).toContain('network interface eni-0abc is not an aws_network_interface in this stack');
  });

  describe('digitalocean_loadbalancer targets', () => {
    const lb = (extra: object) => ({ region: 'fra1', forwarding_rule: [], ...extra });
    const stack = (resources: Record<string, Record<string, unknown>>) => ({ resource: resources });

    test('droplet_ids that are an expression are unknown, not "no droplets"', () => {
      const found = findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: '${var.ids}' }));
      expect(found.map((f) => [f.kind, f.attribute])).toEqual([['unknown', 'droplet_ids']]);
    });

    test('a droplet_ids reference to a resource that is not a droplet is unknown, never checked as a droplet', () => {
      const approvedVolume = { digitalocean_volume: { web: { region: 'fra1', size: 1, tags: ['exposure:public'] } } };
      const found = findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${digitalocean_volume.web.id}'] }), stack(approvedVolume));
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/is not in this stack/);
    });

    test('a droplet_tag that is an expression is unknown', () => {
      const found = findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: '${var.tag}' }));
      expect(found.map((f) => [f.kind, f.attribute])).toEqual([['unknown', 'droplet_tag']]);
    });

    test('droplet_tag: only droplets that carry the tag (or may) are behind it', () => {
      const droplets = (webTags: unknown, dbTags: unknown) =>
        stack({ digitalocean_droplet: { web: { image: 'x', tags: webTags }, db: { image: 'x', tags: dbTags } } });
      // The untagged, unapproved db droplet is not behind the load balancer.
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplets(['web', 'exposure:public'], ['db']))).toEqual([]);
      // A droplet whose tags are not known may carry the tag: its approval is unknown.
      const found = findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplets(['web', 'exposure:public'], '${var.tags}'));
      expect(kinds(found)).toEqual(['unknown']);
      expect(found[0].message).toMatch(/: digitalocean_droplet\.db is public/);
    });
  });
});
