/**
 * Does this resource put an address on the public internet? Shared by the rules that care (approval
 * tags, monitoring exposure). Each answer is known-yes, known-no, or unknown with the reason.
 */
import type { RuleContext } from '../../engine/rule';
import type { JsonObject, ResourceRecord } from '../../engine/types';
import {
  blockPresence,
  blocks,
  boolAttr,
  describeExpression,
  isExpression,
  isNo,
  isYes,
  known,
  listAttr,
  maybe,
  NO,
  numberAttr,
  or,
  referencedAddress,
  stringAttr,
  type Answer,
  type BlockOccurrence,
  type Value,
} from '../../engine/values';

/** Public: known yes / no with why (and the attribute that decides), or unknown with why. */
const yes = (why: string, attribute?: string): Answer => known(true, why, attribute);
const no = (why: string): Answer => known(false, why);

/** Known yes (`why`) when a known value passes `test`; unknown (`unknownWhy`) for an expression; else no. */
function holds<T>(value: Value<T>, test: (value: T) => boolean, why: string, unknownWhy: string, attribute: string): Answer {
  if (value.state === 'unknown') return maybe(unknownWhy, attribute);
  return value.state === 'known' && test(value.value) ? yes(why, attribute) : NO;
}

const isTrue = (value: boolean) => value;
const positive = (value: number) => value > 0;
const nonEmpty = (value: readonly unknown[]) => value.length > 0;

/**
 * Whether an instance (`aws_instance`, `aws_spot_instance_request`) gets a public address: a global IPv6
 * address (its own setting, or its subnet's assign_ipv6_address_on_creation) or a public IPv4 address.
 * A known exposure wins over an unknown one: approval is needed either way.
 */
export function awsInstanceExposure(instance: ResourceRecord, context: RuleContext): Answer {
  const subnet = subnetOf(instance, context);
  return or(ipv6Exposure(instance.body, subnet.resource), ipv4Exposure(instance.body, subnet));
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
function ipv6Exposure(body: JsonObject, subnet: ResourceRecord | undefined): Answer {
  const count = numberAttr(body, 'ipv6_address_count');
  const addresses = listAttr(body, 'ipv6_addresses');
  const own = or(
    holds(
      count,
      positive,
      'it has global IPv6 addresses (ipv6_address_count)',
      `ipv6_address_count is ${count.state === 'unknown' ? describeExpression(count.expression) : ''}`,
      'ipv6_address_count',
    ),
    holds(
      addresses,
      nonEmpty,
      'it has global IPv6 addresses (ipv6_addresses)',
      `ipv6_addresses is ${addresses.state === 'unknown' ? describeExpression(addresses.expression) : ''}`,
      'ipv6_addresses',
    ),
  );
  if (!isNo(own) || !subnet) return isNo(own) ? no('no IPv6 address') : own;
  const assign = holds(
    boolAttr(subnet.body, 'assign_ipv6_address_on_creation'),
    isTrue,
    `its subnet ${subnet.address} has assign_ipv6_address_on_creation = true (a global IPv6 address)`,
    `${subnet.address}.assign_ipv6_address_on_creation is not known`,
    'subnet_id',
  );
  return isNo(assign) ? no('no IPv6 address') : assign;
}

/** A public IPv4 address: associate_public_ip_address, or (unset) the subnet's map_public_ip_on_launch. */
function ipv4Exposure(body: JsonObject, subnet: SubnetOf): Answer {
  const associate = boolAttr(body, 'associate_public_ip_address');
  if (associate.state === 'known') {
    return associate.value ? yes('associate_public_ip_address = true', 'associate_public_ip_address') : no('associate_public_ip_address = false');
  }
  if (associate.state === 'unknown') return maybe('associate_public_ip_address is not known', 'associate_public_ip_address');

  // Unset: AWS decides from the subnet (or the network interfaces the instance is given).
  const interfaces = blockPresence(blocks(body, 'network_interface'));
  if (isYes(interfaces)) return no('it uses pre-created network interfaces, which get no automatic public IP');
  const fromSubnet = subnetIpv4(subnet);
  if (interfaces.state === 'unknown' && !isNo(fromSubnet)) {
    return maybe(`network_interface is ${describeExpression(interfaces.expression)}: without one, ${whyOf(fromSubnet)}`, 'network_interface');
  }
  return fromSubnet;
}

/** The reason an answer carries, for messages. */
const whyOf = (answer: Answer): string => (answer.state === 'unknown' ? answer.expression : (answer.why ?? String(answer.value)));

function subnetIpv4({ value, resource }: SubnetOf): Answer {
  if (value.state === 'absent') return yes('no subnet_id: it launches in the default VPC, whose subnets assign public IPs', 'subnet_id');
  if (!resource) {
    const what = value.state === 'known' ? value.value : value.expression;
    return maybe(`associate_public_ip_address is unset, so the subnet decides, and subnet ${what} is not in this stack`, 'subnet_id');
  }
  const map = holds(
    boolAttr(resource.body, 'map_public_ip_on_launch'),
    isTrue,
    `its subnet ${resource.address} has map_public_ip_on_launch = true`,
    `${resource.address}.map_public_ip_on_launch is not known`,
    'subnet_id',
  );
  return isNo(map) ? no(`its subnet ${resource.address} does not map public IPs`) : map;
}

/** Whether a subnet gives what launches in it a public address: IPv4 (map_public_ip_on_launch) or IPv6. */
export function awsSubnetExposure(subnet: ResourceRecord): Answer {
  const flag = (attribute: string) => holds(boolAttr(subnet.body, attribute), isTrue, `${attribute} = true`, `${attribute} is not known`, attribute);
  const either = or(flag('map_public_ip_on_launch'), flag('assign_ipv6_address_on_creation'));
  return isNo(either) ? no('neither map_public_ip_on_launch nor assign_ipv6_address_on_creation is true') : either;
}

/**
 * Whether a launch template's network interface gives instances a public address: a public IPv4
 * (associate_public_ip_address) or global IPv6 addresses (ipv6_address_count, ipv6_addresses).
 */
export function templateInterfaceExposure(nic: BlockOccurrence): Answer {
  const at = (attribute: string) => `${nic.path}.${attribute}`;
  const public_ = or(
    holds(
      boolAttr(nic.body, 'associate_public_ip_address'),
      isTrue,
      `${at('associate_public_ip_address')} = true`,
      `${at('associate_public_ip_address')} is not known`,
      nic.path,
    ),
    holds(
      numberAttr(nic.body, 'ipv6_address_count'),
      positive,
      `${nic.path} has global IPv6 addresses (ipv6_address_count)`,
      `${at('ipv6_address_count')} is not known`,
      nic.path,
    ),
    holds(listAttr(nic.body, 'ipv6_addresses'), nonEmpty, `${nic.path} has IPv6 addresses`, `${at('ipv6_addresses')} is not known`, nic.path),
  );
  return isNo(public_) ? no('no public address') : public_;
}

/** Whether a load balancer (`aws_lb`, `aws_alb`) is internet-facing. `internal` defaults to false. */
export function awsLoadBalancerExposure(lb: ResourceRecord): Answer {
  const type = stringAttr(lb.body, 'load_balancer_type');
  if (type.state === 'known' && type.value === 'gateway') return no('gateway load balancers are never internet-facing');
  const internal = boolAttr(lb.body, 'internal');
  if (internal.state === 'unknown') return maybe('internal is not known', 'internal');
  if (internal.state === 'known' && internal.value) return no('internal = true');
  return yes(internal.state === 'absent' ? 'internal is unset, so it is internet-facing' : 'internal = false', 'internal');
}

/** Whether a DigitalOcean load balancer has a public address (`network` defaults to EXTERNAL). */
export function digitaloceanLoadBalancerExposure(lb: ResourceRecord): Answer {
  const network = stringAttr(lb.body, 'network');
  if (network.state === 'unknown') return maybe('network is not known', 'network');
  if (network.state === 'known' && network.value.toUpperCase() === 'INTERNAL') return no('network = INTERNAL');
  return yes('it is an external load balancer (network is not INTERNAL)', 'network');
}

/** Where other resources put an Elastic IP in front of something that accepts connections. */
const EIP_INBOUND_USES: readonly { readonly type: string; readonly attributes: readonly string[]; readonly block?: string }[] = [
  { type: 'aws_eip_association', attributes: ['allocation_id', 'public_ip'] },
  { type: 'aws_lb', block: 'subnet_mapping', attributes: ['allocation_id'] },
  { type: 'aws_alb', block: 'subnet_mapping', attributes: ['allocation_id'] },
];

/**
 * Whether an Elastic IP accepts connections from the internet. It does, unless its only use in this stack is
 * as a NAT gateway's address (`aws_nat_gateway.allocation_id` or `secondary_allocation_ids`): a NAT gateway
 * forwards only replies to connections made from inside, so nothing can connect in through its address.
 * Anything that might also put it in front of an instance, an interface or a load balancer (its own
 * `instance` / `network_interface`, an aws_eip_association, an NLB `subnet_mapping`, or such a pointer that
 * is an expression) keeps it public.
 */
export function awsElasticIpExposure(eip: ResourceRecord, context: RuleContext): Answer {
  const isPublic = yes('an Elastic IP is a public address');
  if (['instance', 'network_interface'].some((a) => eip.body[a] !== undefined && eip.body[a] !== null)) return isPublic;
  const nat = context
    .resourcesOfType('aws_nat_gateway')
    .find(
      (g) => g.mode === 'managed' && allocationValues(g.body, ['allocation_id', 'secondary_allocation_ids']).some((v) => referencedAddress(v) === eip.address),
    );
  if (!nat) return isPublic;
  for (const use of EIP_INBOUND_USES) {
    for (const user of context.resourcesOfType(use.type)) {
      const found: { readonly occurrences: readonly { readonly body: JsonObject }[]; readonly unknownExpression?: string } = use.block
        ? blocks(user.body, use.block)
        : { occurrences: [{ body: user.body }] };
      if (found.unknownExpression !== undefined) return isPublic;
      // A pointer that is a reference to another resource, or a literal, is not this Elastic IP; anything else may be.
      if (found.occurrences.some((o) => allocationValues(o.body, use.attributes).some((v) => mayPointAt(v, eip)))) return isPublic;
    }
  }
  return no(`its only use is ${nat.address}, a NAT gateway: its address is the source of outbound connections, and nothing can connect in through it`);
}

/** The values of `attributes` (each a string or a list of strings) in `body`. */
function allocationValues(body: JsonObject, attributes: readonly string[]): unknown[] {
  return attributes.flatMap((a) => (Array.isArray(body[a]) ? (body[a] as unknown[]) : body[a] === undefined || body[a] === null ? [] : [body[a]]));
}

/** Whether an allocation pointer may name `eip`: a reference to it, or an expression that is no plain reference. */
function mayPointAt(value: unknown, eip: ResourceRecord): boolean {
  if (typeof value !== 'string') return false;
  const address = referencedAddress(value);
  if (address !== undefined) return address === eip.address;
  return isExpression(value);
}
