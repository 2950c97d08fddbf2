/**
 * Whether a subnet declared in this stack is public: it gives instances public IPs on launch
 * (`map_public_ip_on_launch`), or an aws_route_table_association in the stack ties it to a route table with a
 * route to an internet gateway (an inline `route` or an aws_route). A subnet with no association in the stack
 * uses its VPC's main route table, which this does not follow. A subnet or route table outside the stack is unknown.
 */
import type { RuleContext } from '../../../engine/rule';
import type { ResourceRecord } from '../../../engine/types';
import { any, blocks, boolAttr, describeExpression, isExpression, known, maybe, NO, or, referencedAddress, type Answer } from '../../../engine/values';

const show = (value: unknown) => (typeof value === 'string' ? describeExpression(value) : JSON.stringify(value ?? null));

/** Whether a route's gateway_id is an internet gateway: a reference to aws_internet_gateway, or a literal igw- ID. */
function toInternetGateway(gateway: unknown, where: string): Answer {
  if (gateway === undefined || gateway === null) return NO;
  if (typeof gateway !== 'string') return maybe(`${where}.gateway_id is ${show(gateway)}`);
  if (!isExpression(gateway as unknown)) return known(gateway.startsWith('igw-'), `${where} routes to internet gateway ${gateway}`);
  const address = referencedAddress(gateway);
  if (address !== undefined) return known(address.startsWith('aws_internet_gateway.'), `${where} routes to ${address}`);
  return maybe(`${where}.gateway_id is ${show(gateway)}`);
}

function routesToInternet(table: ResourceRecord, context: RuleContext): Answer {
  const inline = blocks(table.body, 'route');
  const answers: Answer[] = inline.occurrences.map((r) => toInternetGateway(r.body.gateway_id, `${table.address}.${r.path}`));
  if (inline.unknownExpression) answers.push(maybe(`${table.address}.route is ${describeExpression(inline.unknownExpression)}`));
  for (const route of context.resourcesOfType('aws_route')) {
    if (referencedAddress(route.body.route_table_id) === table.address) answers.push(toInternetGateway(route.body.gateway_id, route.address));
  }
  return or(NO, ...answers);
}

export function subnetIsPublic(subnet: ResourceRecord, context: RuleContext): Answer {
  const map = boolAttr(subnet.body, 'map_public_ip_on_launch');
  const mapsPublic: Answer =
    map.state === 'unknown'
      ? maybe(`${subnet.address}.map_public_ip_on_launch is ${describeExpression(map.expression)}`)
      : known(map.state === 'known' && map.value, `${subnet.address} gives instances public IPs (map_public_ip_on_launch = true)`);
  const associations = context.resourcesOfType('aws_route_table_association').filter((a) => referencedAddress(a.body.subnet_id) === subnet.address);
  const routed = associations.map((a): Answer => {
    const address = referencedAddress(a.body.route_table_id);
    const table = address ? context.resourceAt(address) : undefined;
    if (table?.type !== 'aws_route_table')
      return maybe(`${a.address} associates it with route table ${show(a.body.route_table_id)}, which is not in this stack`);
    return routesToInternet(table, context);
  });
  return or(mapsPublic, ...routed);
}

/** Whether any of the subnets named by `ids` (a subnet_ids list) is public; subnets outside the stack are unknown. */
export function anySubnetPublic(ids: readonly unknown[], context: RuleContext): Answer {
  return any(ids, (id) => {
    const address = referencedAddress(id);
    const subnet = address ? context.resourceAt(address) : undefined;
    if (subnet?.type !== 'aws_subnet') return maybe(`subnet ${show(id)} is not an aws_subnet in this stack`);
    return subnetIsPublic(subnet, context);
  });
}
