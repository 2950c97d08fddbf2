/**
 * Anything that puts an address on the public internet must carry the approval tag, so every public
 * endpoint is a decision someone made and can be listed (`tag:exposure=public`), never an accident of a
 * subnet default.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, describeExpression, listAttr, referencedAddress, stringAttr, type Answer, type Value } from '../../engine/values';
import { groupsTagging } from '../common/autoscaling';
import { AWS_INSTANCE_TYPES, instancesBehindInterface } from '../common/network-interfaces';
import {
  awsElasticIpExposure,
  awsInstanceExposure,
  awsLoadBalancerExposure,
  awsSubnetExposure,
  digitaloceanLoadBalancerExposure,
  templateInterfaceExposure,
} from '../common/public-exposure';
import { forEachBlock } from '../common/shapes';
import { awsTags, hasDigitaloceanTag, hasTag, mayBeAbsent, mergeTagSets, readTagMap, type TagSet } from '../common/tags';

export const publicIpRequiresApproval = defineRule({
  id: 'public-ip-requires-approval',
  title: 'Public IP addresses and internet-facing endpoints carry the approval tag',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [
    'aws_instance',
    'aws_spot_instance_request',
    'aws_eip',
    'aws_eip_association',
    'aws_launch_template',
    'aws_launch_configuration',
    'aws_subnet',
    'aws_lb',
    'aws_alb',
    'digitalocean_droplet',
    'digitalocean_droplet_autoscale',
    'digitalocean_reserved_ip',
    'digitalocean_reserved_ip_assignment',
    'digitalocean_reserved_ipv6',
    'digitalocean_reserved_ipv6_assignment',
    'digitalocean_floating_ip',
    'digitalocean_floating_ip_assignment',
    'digitalocean_loadbalancer',
  ],
  rationale:
    'A public address is reachable by every scanner on the internet within minutes. Requiring an explicit ' +
    'approval tag makes each exposure a reviewed decision, keeps an inventory of public endpoints, and catches ' +
    'the silent ones: an instance that inherits a public IP from its subnet default, a load balancer left ' +
    'internet-facing because `internal` was not set, an Elastic IP moved onto a private host. Global IPv6 ' +
    'addresses count as public: an instance with ipv6_address_count / ipv6_addresses (or a launch template ' +
    'interface with them), and a subnet with assign_ipv6_address_on_creation = true, which needs approval like ' +
    "map_public_ip_on_launch; an instance that leaves its IPv6 settings unset takes the subnet's when the " +
    'subnet is in the stack (a subnet elsewhere is judged, and approved, where it is defined). Route tables ' +
    'are not followed: whether ::/0 leads to an internet gateway can change without touching the host. An ' +
    'Elastic IP on a network interface needs the instances behind that interface approved (attached by ' +
    "aws_network_interface attachment blocks, aws_network_interface_attachment or an instance's " +
    'network_interface); unknown when they are not in the stack. A launch configuration, which has no tags, ' +
    'is approved through the autoscaling groups in the stack that launch from it (a tag with ' +
    'propagate_at_launch = true). aws_spot_instance_request is treated as aws_instance (the approval tag sits ' +
    "on the request: the provider does not copy tags to the instance). A DigitalOcean autoscale pool's " +
    'droplets always have a public IPv4 address, like droplets: its droplet_template tags need approval. An ' +
    'Elastic IP whose only use in the stack is a NAT gateway (its allocation_id or secondary_allocation_ids), ' +
    'with no instance or network_interface of its own and no aws_eip_association or load balancer ' +
    'subnet_mapping that points or may point at it, needs no approval: it is outbound-only, the source ' +
    'address of connections made from inside, and a NAT gateway forwards nothing that starts outside, so no ' +
    "one can connect in through it. A load balancer's droplet_ids are read through type conversions " +
    "(cdktf's `Fn.tonumber(droplet.id)`).",
  fix:
    'If the exposure is intended, tag the resource with the approval tag (AWS `exposure = public`, or in the ' +
    "provider's default_tags; DigitalOcean `exposure:public`, in droplet_template.tags for an autoscale pool; " +
    'configurable with `publicExposureTag`). For a reserved IP, Elastic IP or load balancer, approve the ' +
    'droplets or instances it points at; for a launch configuration, tag its autoscaling groups with ' +
    '`propagate_at_launch = true`. Otherwise make it private: `associate_public_ip_address = false`, ' +
    '`map_public_ip_on_launch = false`, `assign_ipv6_address_on_creation = false`, no IPv6 addresses, `internal = true`.',
  references: {
    checkov: ['CKV_AWS_88', 'CKV_AWS_130'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_88',
        kind: 'different',
        why:
          'checkov forbids associate_public_ip_address = true outright; here a public address is allowed once it carries the approval tag, and more ' +
          'is counted as public: an unset flag in a subnet that maps public IPs, global IPv6 addresses, Elastic IPs and load balancers.',
      },
      {
        peer: 'checkov',
        check: 'CKV_AWS_130',
        kind: 'different',
        why: 'checkov forbids map_public_ip_on_launch = true; here it (and assign_ipv6_address_on_creation) is allowed with the approval tag.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html'],
  },
  examples: {
    failing: { resourceType: 'aws_eip', body: { domain: 'vpc' } },
    passing: { resourceType: 'aws_eip', body: { domain: 'vpc', tags: { exposure: 'public' } } },
  },
  check(resource, context) {
    switch (resource.type) {
      case 'aws_instance':
      case 'aws_spot_instance_request':
        return requireAwsApproval(resource, context, awsInstanceExposure(resource, context));
      case 'aws_subnet':
        return requireAwsApproval(resource, context, awsSubnetExposure(resource));
      case 'aws_launch_configuration':
        return launchConfiguration(resource, context);
      case 'aws_lb':
      case 'aws_alb':
        return requireAwsApproval(resource, context, awsLoadBalancerExposure(resource));
      case 'aws_eip':
        return [
          requireAwsApproval(resource, context, awsElasticIpExposure(resource, context)),
          ...targetApproval(resource, context, 'instance', AWS_INSTANCE_TYPES),
          ...interfaceApproval(resource, context, 'network_interface'),
        ];
      case 'aws_eip_association':
        return [...targetApproval(resource, context, 'instance_id', AWS_INSTANCE_TYPES), ...interfaceApproval(resource, context, 'network_interface_id')];
      case 'aws_launch_template':
        return launchTemplate(resource, context);
      case 'digitalocean_droplet':
        return requireDigitaloceanApproval(resource, context, resource.body, 'a droplet always has a public IPv4 address');
      case 'digitalocean_droplet_autoscale':
        // Its droplets carry the template's tags; without a template (Terraform requires one) nothing can be read.
        return forEachBlock(
          resource.body,
          'droplet_template',
          (template) => requireDigitaloceanApproval(resource, context, template.body, 'the droplets of an autoscale pool always have public IPv4 addresses'),
          unknown('no droplet_template: the tags of its droplets cannot be read', 'droplet_template'),
        );
      case 'digitalocean_loadbalancer':
        return digitaloceanLoadBalancer(resource, context);
      default:
        // Reserved/floating IPs (v4 and v6) and their assignments have no tags of their own: the droplet
        // they point at must be approved.
        return targetApproval(resource, context, 'droplet_id', ['digitalocean_droplet']);
    }
  },
});

/** `extraTags`: tags the exposed hosts get besides the resource's own (a launch template's tag_specifications). */
function requireAwsApproval(resource: ResourceRecord, context: RuleContext, exposure: Answer, extraTags?: TagSet): CheckResult {
  if (exposure.state === 'unknown') {
    return unknown(`whether it is public: ${exposure.expression}`, exposure.attribute);
  }
  if (!exposure.value) return notApplicable(exposure.why ?? 'not public');
  const { key, value } = context.tags.awsExposure;
  const tagged = hasTag(extraTags ? mergeTagSets(awsTags(resource, context), extraTags) : awsTags(resource, context), key, value);
  return approvalResult(tagged, `${key} = ${value}`, `public because ${exposure.why}`, 'tags');
}

function requireDigitaloceanApproval(resource: ResourceRecord, context: RuleContext, body: JsonObject, why: string): CheckResult {
  const tag = context.tags.digitaloceanExposure;
  return approvalResult(hasDigitaloceanTag(body, tag), tag, `public because ${why}`, 'tags', resource.address);
}

function approvalResult(tagged: Value<boolean>, tagText: string, why: string, attribute: string, who?: string): CheckResult {
  const subject = who ? `${who} is ` : 'it is ';
  if (tagged.state === 'unknown') {
    return unknown(`${subject}${why}, and its tags are not known (${describeExpression(tagged.expression)})`, attribute);
  }
  if (tagged.state === 'known' && tagged.value) return pass(`${subject}${why} and carries the approval tag ${tagText}`);
  return violation(`${subject}${why} but lacks the approval tag ${tagText}`, attribute);
}

/**
 * An attachment (EIP → instance, reserved IP → droplet) makes its target public: the target must be
 * approved too. A target outside this stack cannot be checked here.
 */
function targetApproval(resource: ResourceRecord, context: RuleContext, attribute: string, targetTypes: readonly string[]): CheckResult[] {
  const target = stringAttr(resource.body, attribute);
  if (target.state === 'absent') return [notApplicable(`${attribute} is not set: nothing is exposed through it`)];
  const address = target.state === 'unknown' ? referencedAddress(target.expression) : undefined;
  const targetResource = address ? context.resourceAt(address) : undefined;
  if (!targetResource || !targetTypes.includes(targetResource.type)) {
    const what = target.state === 'known' ? target.value : describeExpression(target.expression);
    return [unknown(`it makes ${what} public, which is not a ${targetTypes.join(' or ')} in this stack, so its approval tag cannot be checked`, attribute)];
  }
  const why = `${resource.address} gives it a public address`;
  if (targetResource.type === 'digitalocean_droplet') return [requireDigitaloceanApproval(targetResource, context, targetResource.body, why)];
  return [awsTargetApproval(targetResource, context, why, attribute)];
}

function awsTargetApproval(target: ResourceRecord, context: RuleContext, why: string, attribute: string): CheckResult {
  const { key, value } = context.tags.awsExposure;
  return approvalResult(hasTag(awsTags(target, context), key, value), `${key} = ${value}`, `public because ${why}`, attribute, target.address);
}

/** An Elastic IP on a network interface exposes the instances behind the interface: each must be approved. */
function interfaceApproval(resource: ResourceRecord, context: RuleContext, attribute: string): CheckResult[] {
  const eni = stringAttr(resource.body, attribute);
  if (eni.state === 'absent') return [];
  const behind = instancesBehindInterface(eni.state === 'known' ? eni.value : eni.expression, context);
  const why = `${resource.address} gives its network interface a public address`;
  return [
    ...behind.doubts.map((d) =>
      unknown(`it makes the instance behind its network interface public, and ${d}, so that instance's approval tag cannot be checked`, attribute),
    ),
    ...behind.instances.map((instance) => awsTargetApproval(instance, context, why, attribute)),
  ];
}

/**
 * A launch configuration with associate_public_ip_address = true gives every instance launched from it a
 * public IPv4 address. It has no tags: the autoscaling groups in this stack that use it must tag their
 * instances (propagate_at_launch). Unset, the group's subnets decide (they are checked themselves).
 */
function launchConfiguration(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const associate = boolAttr(resource.body, 'associate_public_ip_address');
  if (associate.state === 'unknown')
    return [unknown(`whether it is public: associate_public_ip_address is ${describeExpression(associate.expression)}`, 'associate_public_ip_address')];
  if (associate.state === 'absent' || !associate.value) return [notApplicable('associate_public_ip_address is not true')];
  const { key, value } = context.tags.awsExposure;
  const groups = groupsTagging(resource, context, key, value);
  const why = 'public because associate_public_ip_address = true';
  if (groups.length === 0) {
    return [
      unknown(
        `it is ${why}, and no aws_autoscaling_group in this stack launches from it, so the tags its instances get cannot be checked`,
        'associate_public_ip_address',
      ),
    ];
  }
  return groups.map(({ group, tagged }) =>
    approvalResult(
      tagged,
      `${key} = ${value} (propagate_at_launch = true)`,
      `${why}`,
      'associate_public_ip_address',
      `${group.address}, which launches from it,`,
    ),
  );
}

function launchTemplate(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const interfaces = blocks(resource.body, 'network_interfaces');
  const results: CheckResult[] = [];
  if (interfaces.unknownExpression) {
    results.push(unknown(`network_interfaces is ${describeExpression(interfaces.unknownExpression)}`, 'network_interfaces'));
  }
  // Instances launched from the template are tagged through tag_specifications (resource_type "instance"),
  // or carry the template's own tags when the launching service propagates them.
  const specs = blocks(resource.body, 'tag_specifications');
  const instanceTags = specs.occurrences.filter((o) => {
    const type = stringAttr(o.body, 'resource_type');
    return type.state !== 'known' || type.value === 'instance' || type.value === 'network-interface';
  });
  // Tags from a dynamic block whose for_each may be empty may be missing, and so may tags whose resource_type is
  // not known (they may tag volumes only); a tag_specifications expression may hold any.
  const mayNotTagInstances = (o: (typeof instanceTags)[number]) => o.mayBeNone !== undefined || stringAttr(o.body, 'resource_type').state === 'unknown';
  const tagSets = instanceTags.map((o) => (mayNotTagInstances(o) ? mayBeAbsent(readTagMap(o.body.tags)) : readTagMap(o.body.tags)));
  if (specs.unknownExpression) tagSets.push(readTagMap(specs.unknownExpression));
  for (const nic of interfaces.occurrences) {
    results.push(requireAwsApproval(resource, context, templateInterfaceExposure(nic), mergeTagSets(...tagSets)));
  }
  return results;
}

function digitaloceanLoadBalancer(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const exposure = digitaloceanLoadBalancerExposure(resource);
  if (exposure.state === 'unknown') return [unknown(`whether it is public: ${exposure.expression}`, 'network')];
  if (!exposure.value) return [notApplicable(exposure.why ?? 'internal')];
  // A DigitalOcean load balancer has no tags: the droplets it forwards to must be approved.
  const why = `the external load balancer ${resource.address} forwards to it`;
  const ids = listAttr(resource.body, 'droplet_ids');
  const tag = stringAttr(resource.body, 'droplet_tag');
  const results: CheckResult[] = [];
  if (ids.state === 'unknown') results.push(unknown(`droplet_ids is ${describeExpression(ids.expression)}`, 'droplet_ids'));
  for (const id of ids.state === 'known' ? ids.value : []) {
    const address = referencedAddress(id);
    const droplet = address ? context.resourceAt(address) : undefined;
    if (!droplet || droplet.type !== 'digitalocean_droplet') {
      results.push(unknown(`it forwards to droplet ${describeExpression(String(id))}, which is not in this stack`, 'droplet_ids'));
    } else results.push(requireDigitaloceanApproval(droplet, context, droplet.body, why));
  }
  if (tag.state === 'unknown') results.push(unknown(`droplet_tag is ${describeExpression(tag.expression)}`, 'droplet_tag'));
  if (tag.state === 'known') {
    // Droplets, and the droplets of autoscale pools (tagged through their droplet_template).
    const candidates = [
      ...context.resourcesOfType('digitalocean_droplet').map((d) => ({ resource: d, body: d.body })),
      ...context
        .resourcesOfType('digitalocean_droplet_autoscale')
        .flatMap((p) => blocks(p.body, 'droplet_template').occurrences.map((t) => ({ resource: p, body: t.body }))),
    ];
    const targets = candidates.filter(({ body }) => {
      const has = hasDigitaloceanTag(body, tag.value);
      return has.state !== 'known' || has.value;
    });
    if (targets.length === 0) {
      results.push(unknown(`it forwards to droplets tagged ${tag.value}, and none of them is in this stack`, 'droplet_tag'));
    }
    for (const { resource: droplet, body } of targets) results.push(requireDigitaloceanApproval(droplet, context, body, why));
  }
  if (results.length === 0)
    return [violation('an external load balancer with no droplet_ids or droplet_tag cannot be tied to approved droplets', 'droplet_ids')];
  return results;
}
