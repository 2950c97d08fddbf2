import { publicIpRequiresApproval as rule } from '../../../aspects/rules/cross-cloud/public-ip-requires-approval';
import { findingsFor, kinds } from '../../helpers/rule-harness';

const approved = { exposure: 'public' };
const subnet = (map: unknown) => ({ resource: { aws_subnet: { pub: { vpc_id: 'vpc-1', cidr_block: '10.0.0.0/24', map_public_ip_on_launch: map } } } });

describe('public-ip-requires-approval: AWS', () => {
  describe('aws_instance', () => {
    test('associate_public_ip_address = true needs the approval tag', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: true }))).toEqual(['violation']);
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: true, tags: approved })).toEqual([]);
      expect(findingsFor(rule, 'aws_instance', { subnet_id: 'subnet-1', associate_public_ip_address: false })).toEqual([]);
    });

    test('a wrong tag value is not approval', () => {
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: { exposure: 'private' } }))).toEqual(['violation']);
    });

    test("unset associate_public_ip_address: the subnet in the stack decides", () => {
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
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: '${merge(var.tags, {})}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_instance', { subnet_id: 's', associate_public_ip_address: true, tags: { exposure: '${var.e}' } }))).toEqual(['unknown']);
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

  test('aws_eip_association: the instance must be approved', () => {
    const instance = (tags: object) => ({ resource: { aws_instance: { web: { subnet_id: 's', associate_public_ip_address: false, tags } } } });
    expect(kinds(findingsFor(rule, 'aws_eip_association', { instance_id: '${aws_instance.web.id}' }, instance({})))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_eip_association', { instance_id: '${aws_instance.web.id}' }, instance(approved))).toEqual([]);
    expect(findingsFor(rule, 'aws_eip_association', { network_interface_id: 'eni-1' })).toEqual([]);
  });

  test('aws_launch_template network interfaces with public addresses', () => {
    const nic = { network_interfaces: [{ associate_public_ip_address: true }] };
    expect(kinds(findingsFor(rule, 'aws_launch_template', nic))).toEqual(['violation']);
    expect(findingsFor(rule, 'aws_launch_template', { ...nic, tag_specifications: [{ resource_type: 'instance', tags: approved }] })).toEqual([]);
    expect(findingsFor(rule, 'aws_launch_template', { ...nic, tags: approved })).toEqual([]);
    expect(findingsFor(rule, 'aws_launch_template', { network_interfaces: [{ associate_public_ip_address: false }] })).toEqual([]);
    expect(kinds(findingsFor(rule, 'aws_launch_template', { network_interfaces: { associate_public_ip_address: '${var.p}' } }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_launch_template', { dynamic: { network_interfaces: { for_each: '${var.n}', content: { associate_public_ip_address: true } } } }))).toEqual(['violation']);
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

  test('an unassigned reserved IP exposes nothing', () => {
    expect(findingsFor(rule, 'digitalocean_reserved_ip', { region: 'fra1' })).toEqual([]);
  });

  describe('digitalocean_loadbalancer', () => {
    const lb = (extra: object) => ({ region: 'fra1', forwarding_rule: [], ...extra });
    test('external: every droplet behind it must be approved', () => {
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${digitalocean_droplet.relay.id}'] }), droplet([])))).toEqual(['violation']);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_ids: ['${digitalocean_droplet.relay.id}'] }), droplet(['exposure:public']))).toEqual([]);
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplet(['web', 'exposure:public']))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' }), droplet(['web'])))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ droplet_tag: 'web' })))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({})))).toEqual(['violation']);
    });
    test('internal load balancers are not public; an unknown network is unknown', () => {
      expect(findingsFor(rule, 'digitalocean_loadbalancer', lb({ network: 'INTERNAL' }))).toEqual([]);
      expect(kinds(findingsFor(rule, 'digitalocean_loadbalancer', lb({ network: '${var.n}' })))).toEqual(['unknown']);
    });
  });
});
