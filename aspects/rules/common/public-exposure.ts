/**
 * Does this resource put an address on the public internet? Shared by the rules that care (approval
 * tags, monitoring exposure). Each answer is known-yes, known-no, or unknown with the reason.
 */
import type { RuleContext } from '../../engine/rule';
import type { ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, listAttr, numberAttr, referencedAddress, stringAttr, type Value } from '../../engine/values';

export type Exposure = Exclude<Value<boolean>, { state: 'absent' }> & { readonly why?: string; readonly attribute?: string };

const yes = (why: string, attribute?: string): Exposure => ({ state: 'known', value: true, why, ...(attribute ? { attribute } : {}) });
const no = (why: string): Exposure => ({ state: 'known', value: false, why });
const unsure = (expression: string, why: string, attribute?: string): Exposure => ({ state: 'unknown', expression, why, ...(attribute ? { attribute } : {}) });

/** Whether an `aws_instance` gets a public address. */
export function awsInstanceExposure(instance: ResourceRecord, context: RuleContext): Exposure {
  const body = instance.body;
  const ipv6Count = numberAttr(body, 'ipv6_address_count');
  if (ipv6Count.state === 'known' && ipv6Count.value > 0) return yes('it has global IPv6 addresses (ipv6_address_count)', 'ipv6_address_count');
  const ipv6 = listAttr(body, 'ipv6_addresses');
  if (ipv6.state === 'known' && ipv6.value.length > 0) return yes('it has global IPv6 addresses (ipv6_addresses)', 'ipv6_addresses');

  const associate = boolAttr(body, 'associate_public_ip_address');
  if (associate.state === 'known') {
    return associate.value ? yes('associate_public_ip_address = true', 'associate_public_ip_address') : no('associate_public_ip_address = false');
  }
  if (associate.state === 'unknown') return unsure(associate.expression, 'associate_public_ip_address is not known', 'associate_public_ip_address');

  // Unset: AWS decides from the subnet (or the network interfaces the instance is given).
  if (blocks(body, 'network_interface').occurrences.length > 0) return no('it uses pre-created network interfaces, which get no automatic public IP');
  const subnet = stringAttr(body, 'subnet_id');
  if (subnet.state === 'absent') {
    return yes('no subnet_id: it launches in the default VPC, whose subnets assign public IPs', 'subnet_id');
  }
  const subnetAddress = subnet.state === 'unknown' ? referencedAddress(subnet.expression) : undefined;
  const subnetResource = subnetAddress ? context.resourceAt(subnetAddress) : undefined;
  if (!subnetResource || subnetResource.type !== 'aws_subnet') {
    const what = subnet.state === 'known' ? subnet.value : subnet.expression;
    return unsure(what, `associate_public_ip_address is unset, so the subnet decides, and subnet ${what} is not in this stack`, 'subnet_id');
  }
  const map = boolAttr(subnetResource.body, 'map_public_ip_on_launch');
  if (map.state === 'unknown') return unsure(map.expression, `${subnetResource.address}.map_public_ip_on_launch is not known`, 'subnet_id');
  return map.state === 'known' && map.value
    ? yes(`its subnet ${subnetResource.address} has map_public_ip_on_launch = true`, 'subnet_id')
    : no(`its subnet ${subnetResource.address} does not map public IPs`);
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
