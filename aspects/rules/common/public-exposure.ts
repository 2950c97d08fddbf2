/**
 * Does this resource put an address on the public internet? Shared by the rules that care (approval
 * tags, monitoring exposure). Each answer is known-yes, known-no, or unknown with the reason.
 */
import type { RuleContext } from '../../engine/rule';
import type { JsonObject, ResourceRecord } from '../../engine/types';
import { blockPresence, blocks, boolAttr, describeExpression, listAttr, numberAttr, referencedAddress, stringAttr, type BlockOccurrence, type Value } from '../../engine/values';

export type Exposure = Exclude<Value<boolean>, { state: 'absent' }> & { readonly why?: string; readonly attribute?: string };

const yes = (why: string, attribute?: string): Exposure => ({ state: 'known', value: true, why, ...(attribute ? { attribute } : {}) });
const no = (why: string): Exposure => ({ state: 'known', value: false, why });
const unsure = (expression: string, why: string, attribute?: string): Exposure => ({ state: 'unknown', expression, why, ...(attribute ? { attribute } : {}) });

/**
 * Whether an instance (`aws_instance`, `aws_spot_instance_request`) gets a public address: a global IPv6
 * address (its own setting, or its subnet's assign_ipv6_address_on_creation) or a public IPv4 address.
 * A known exposure wins over an unknown one: approval is needed either way.
 */
export function awsInstanceExposure(instance: ResourceRecord, context: RuleContext): Exposure {
  const subnet = subnetOf(instance, context);
  const v6 = ipv6Exposure(instance.body, subnet.resource);
  if (v6.state === 'known' && v6.value) return v6;
  const v4 = ipv4Exposure(instance.body, subnet);
  if (v4.state === 'known' && v4.value) return v4;
  return v6.state === 'unknown' ? v6 : v4;
}

interface SubnetOf {
  readonly value: Value<string>;
  /** The aws_subnet in this stack that subnet_id points at. */
  readonly resource?: ResourceRecord;
}

function subnetOf(instance: ResourceRecord, context: RuleContext): SubnetOf {
  const value = stringAttr(instance.body, 'subnet_id');
  const address = value.state === 'unknown' ? referencedAddress(value.expression) : undefined;
  const resource = address ? context.resourceAt(address) : undefined;
  return resource?.type === 'aws_subnet' ? { value, resource } : { value };
}

/**
 * Global IPv6 addresses: ipv6_address_count > 0 or ipv6_addresses; an expression in either is unknown. Unset
 * (or 0, which the provider does not send), the subnet decides, when it is in this stack. A subnet outside
 * the stack is judged where it is defined (its assign_ipv6_address_on_creation needs approval there).
 */
function ipv6Exposure(body: JsonObject, subnet: ResourceRecord | undefined): Exposure {
  const count = numberAttr(body, 'ipv6_address_count');
  if (count.state === 'known' && count.value > 0) return yes('it has global IPv6 addresses (ipv6_address_count)', 'ipv6_address_count');
  const addresses = listAttr(body, 'ipv6_addresses');
  if (addresses.state === 'known' && addresses.value.length > 0) return yes('it has global IPv6 addresses (ipv6_addresses)', 'ipv6_addresses');
  if (count.state === 'unknown') return unsure(count.expression, `ipv6_address_count is ${describeExpression(count.expression)}`, 'ipv6_address_count');
  if (addresses.state === 'unknown') return unsure(addresses.expression, `ipv6_addresses is ${describeExpression(addresses.expression)}`, 'ipv6_addresses');
  if (!subnet) return no('no IPv6 address');
  const assign = boolAttr(subnet.body, 'assign_ipv6_address_on_creation');
  if (assign.state === 'unknown') return unsure(assign.expression, `${subnet.address}.assign_ipv6_address_on_creation is not known`, 'subnet_id');
  return assign.state === 'known' && assign.value
    ? yes(`its subnet ${subnet.address} has assign_ipv6_address_on_creation = true (a global IPv6 address)`, 'subnet_id')
    : no('no IPv6 address');
}

/** A public IPv4 address: associate_public_ip_address, or (unset) the subnet's map_public_ip_on_launch. */
function ipv4Exposure(body: JsonObject, subnet: SubnetOf): Exposure {
  const associate = boolAttr(body, 'associate_public_ip_address');
  if (associate.state === 'known') {
    return associate.value ? yes('associate_public_ip_address = true', 'associate_public_ip_address') : no('associate_public_ip_address = false');
  }
  if (associate.state === 'unknown') return unsure(associate.expression, 'associate_public_ip_address is not known', 'associate_public_ip_address');

  // Unset: AWS decides from the subnet (or the network interfaces the instance is given).
  const interfaces = blockPresence(blocks(body, 'network_interface'));
  if (interfaces.state === 'known' && interfaces.value) return no('it uses pre-created network interfaces, which get no automatic public IP');
  const fromSubnet = subnetIpv4(subnet);
  if (interfaces.state === 'unknown' && !(fromSubnet.state === 'known' && !fromSubnet.value)) {
    return unsure(interfaces.expression, `network_interface is ${describeExpression(interfaces.expression)}: without one, ${fromSubnet.why}`, 'network_interface');
  }
  return fromSubnet;
}

function subnetIpv4({ value, resource }: SubnetOf): Exposure {
  if (value.state === 'absent') return yes('no subnet_id: it launches in the default VPC, whose subnets assign public IPs', 'subnet_id');
  if (!resource) {
    const what = value.state === 'known' ? value.value : value.expression;
    return unsure(what, `associate_public_ip_address is unset, so the subnet decides, and subnet ${what} is not in this stack`, 'subnet_id');
  }
  const map = boolAttr(resource.body, 'map_public_ip_on_launch');
  if (map.state === 'unknown') return unsure(map.expression, `${resource.address}.map_public_ip_on_launch is not known`, 'subnet_id');
  return map.state === 'known' && map.value
    ? yes(`its subnet ${resource.address} has map_public_ip_on_launch = true`, 'subnet_id')
    : no(`its subnet ${resource.address} does not map public IPs`);
}

/** Whether a subnet gives what launches in it a public address: IPv4 (map_public_ip_on_launch) or IPv6. */
export function awsSubnetExposure(subnet: ResourceRecord): Exposure {
  const flags = ['map_public_ip_on_launch', 'assign_ipv6_address_on_creation'].map((attribute) => ({ attribute, value: boolAttr(subnet.body, attribute) }));
  const on = flags.find((f) => f.value.state === 'known' && f.value.value);
  if (on) return yes(`${on.attribute} = true`, on.attribute);
  const open = flags.find((f) => f.value.state === 'unknown');
  if (open && open.value.state === 'unknown') return unsure(open.value.expression, `${open.attribute} is not known`, open.attribute);
  return no('neither map_public_ip_on_launch nor assign_ipv6_address_on_creation is true');
}

/**
 * Whether a launch template's network interface gives instances a public address: a public IPv4
 * (associate_public_ip_address) or global IPv6 addresses (ipv6_address_count, ipv6_addresses).
 */
export function templateInterfaceExposure(nic: BlockOccurrence): Exposure {
  const at = (attribute: string) => `${nic.path}.${attribute}`;
  const associate = boolAttr(nic.body, 'associate_public_ip_address');
  const count = numberAttr(nic.body, 'ipv6_address_count');
  const addresses = listAttr(nic.body, 'ipv6_addresses');
  if (associate.state === 'known' && associate.value) return yes(`${at('associate_public_ip_address')} = true`, nic.path);
  if (count.state === 'known' && count.value > 0) return yes(`${nic.path} has global IPv6 addresses (ipv6_address_count)`, nic.path);
  if (addresses.state === 'known' && addresses.value.length > 0) return yes(`${nic.path} has IPv6 addresses`, nic.path);
  for (const [name, value] of [['associate_public_ip_address', associate], ['ipv6_address_count', count], ['ipv6_addresses', addresses]] as const) {
    if (value.state === 'unknown') return unsure(value.expression, `${at(name)} is not known`, nic.path);
  }
  return no('no public address');
}

/** Whether a load balancer (`aws_lb`, `aws_alb`) is internet-facing. `internal` defaults to false. */
export function awsLoadBalancerExposure(lb: ResourceRecord): Exposure {
  const type = stringAttr(lb.body, 'load_balancer_type');
  if (type.state === 'known' && type.value === 'gateway') return no('gateway load balancers are never internet-facing');
  const internal = boolAttr(lb.body, 'internal');
  if (internal.state === 'unknown') return unsure(internal.expression, 'internal is not known', 'internal');
  if (internal.state === 'known' && internal.value) return no('internal = true');
  return yes(internal.state === 'absent' ? 'internal is unset, so it is internet-facing' : 'internal = false', 'internal');
}

/** Whether a DigitalOcean load balancer has a public address (`network` defaults to EXTERNAL). */
export function digitaloceanLoadBalancerExposure(lb: ResourceRecord): Exposure {
  const network = stringAttr(lb.body, 'network');
  if (network.state === 'unknown') return unsure(network.expression, 'network is not known', 'network');
  if (network.state === 'known' && network.value.toUpperCase() === 'INTERNAL') return no('network = INTERNAL');
  return yes('it is an external load balancer (network is not INTERNAL)', 'network');
}
