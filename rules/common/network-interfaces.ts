/**
 * The instances behind an AWS network interface, so that whatever is attached to the interface (an Elastic
 * IP) can be traced to the hosts it exposes. Every way this stack can attach an interface counts; anything
 * that cannot be traced is a doubt, never "nothing attached".
 */
import type { RuleContext } from '../../engine/rule';
import type { ResourceRecord } from '../../engine/types';
import { blocks, describeExpression, isExpression, referencedAddress } from '../../engine/values';

/** Resource types that launch one instance and can be given pre-created network interfaces. */
export const AWS_INSTANCE_TYPES: readonly string[] = ['aws_instance', 'aws_spot_instance_request'];

export interface InterfaceInstances {
  readonly instances: readonly ResourceRecord[];
  /** Why some instance behind it cannot be known (an attachment to an instance outside the stack, say). */
  readonly doubts: readonly string[];
}

const show = (value: unknown) => (typeof value === 'string' ? (isExpression(value) ? describeExpression(value) : value) : JSON.stringify(value ?? null));

/**
 * The instances an `aws_network_interface` (referenced by `value`) is attached to: by its own `attachment`
 * blocks, by `aws_network_interface_attachment` resources, or by an instance's `network_interface` block.
 */
export function instancesBehindInterface(value: unknown, context: RuleContext): InterfaceInstances {
  const address = referencedAddress(value);
  const eni = address ? context.resourceAt(address) : undefined;
  if (eni?.type !== 'aws_network_interface')
    return { instances: [], doubts: [`network interface ${show(value)} is not an aws_network_interface in this stack`] };

  const instances: ResourceRecord[] = [];
  const doubts: string[] = [];
  const attachTo = (instance: unknown, where: string) => {
    const target = referencedAddress(instance);
    const resource = target ? context.resourceAt(target) : undefined;
    if (resource && AWS_INSTANCE_TYPES.includes(resource.type)) instances.push(resource);
    else doubts.push(`${where} attaches it to ${show(instance)}, which is not an instance in this stack`);
  };

  const own = blocks(eni.body, 'attachment');
  if (own.unknownExpression) doubts.push(`${eni.address}.attachment is ${describeExpression(own.unknownExpression)}`);
  for (const attachment of own.occurrences) attachTo(attachment.body.instance, `${eni.address}.${attachment.path}`);
  for (const attachment of context.resourcesOfType('aws_network_interface_attachment')) {
    if (referencedAddress(attachment.body.network_interface_id) === eni.address) attachTo(attachment.body.instance_id, attachment.address);
  }
  for (const type of AWS_INSTANCE_TYPES) {
    for (const instance of context.resourcesOfType(type)) {
      const launchedWith = blocks(instance.body, 'network_interface').occurrences.some(
        (nic) => referencedAddress(nic.body.network_interface_id) === eni.address,
      );
      if (launchedWith) instances.push(instance);
    }
  }
  if (instances.length === 0 && doubts.length === 0) doubts.push(`no instance in this stack is attached to ${eni.address} (it may be attached elsewhere)`);
  return { instances, doubts };
}
