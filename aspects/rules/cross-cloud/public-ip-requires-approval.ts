/**
 * Anything that puts an address on the public internet must carry the approval tag, so every public
 * endpoint is a decision someone made and can be listed (`tag:exposure=public`), never an accident of a
 * subnet default.
 */
import { defineRule, type RuleContext } from '../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../engine/types';
import { blocks, boolAttr, describeExpression, listAttr, referencedAddress, stringAttr, type Value } from '../../engine/values';
import { awsInstanceExposure, awsLoadBalancerExposure, digitaloceanLoadBalancerExposure, type Exposure } from '../common/public-exposure';
import { awsTags, hasDigitaloceanTag, hasTag, mergeTagSets, readTagMap } from '../common/tags';

export const publicIpRequiresApproval = defineRule({
  id: 'public-ip-requires-approval',
  title: 'Public IP addresses and internet-facing endpoints carry the approval tag',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: [
    'aws_instance',
    'aws_eip',
    'aws_eip_association',
    'aws_launch_template',
    'aws_subnet',
    'aws_lb',
    'aws_alb',
    'digitalocean_droplet',
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
    'internet-facing because `internal` was not set, an Elastic IP moved onto a private host.',
  fix:
    'If the exposure is intended, tag the resource with the approval tag (AWS `exposure = public`, or in the ' +
    "provider's default_tags; DigitalOcean `exposure:public`; configurable with `publicExposureTag`). For a " +
    'reserved IP or load balancer, approve the droplets it points at. Otherwise make it private: ' +
    '`associate_public_ip_address = false`, `map_public_ip_on_launch = false`, `internal = true`.',
  references: {
    checkov: ['CKV_AWS_88', 'CKV_AWS_130'],
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/vpc-ip-addressing.html'],
  },
  examples: {
    failing: { resourceType: 'aws_eip', body: { domain: 'vpc' } },
    passing: { resourceType: 'aws_eip', body: { domain: 'vpc', tags: { exposure: 'public' } } },
  },
  check(resource, context) {
    switch (resource.type) {
      case 'aws_instance':
        return requireAwsApproval(resource, context, awsInstanceExposure(resource, context));
      case 'aws_subnet': {
        const map = boolAttr(resource.body, 'map_public_ip_on_launch');
        return requireAwsApproval(resource, context, fromBool(map, 'map_public_ip_on_launch = true', 'map_public_ip_on_launch'));
      }
      case 'aws_lb':
      case 'aws_alb':
        return requireAwsApproval(resource, context, awsLoadBalancerExposure(resource));
      case 'aws_eip':
        return [
          requireAwsApproval(resource, context, { state: 'known', value: true, why: 'an Elastic IP is a public address' }),
          ...targetApproval(resource, context, 'instance', 'aws_instance'),
        ];
      case 'aws_eip_association':
        return targetApproval(resource, context, 'instance_id', 'aws_instance');
      case 'aws_launch_template':
        return launchTemplate(resource, context);
      case 'digitalocean_droplet':
        return requireDigitaloceanApproval(resource, context, resource.body, 'a droplet always has a public IPv4 address');
      case 'digitalocean_loadbalancer':
        return digitaloceanLoadBalancer(resource, context);
      default:
        // Reserved/floating IPs (v4 and v6) and their assignments have no tags of their own: the droplet
        // they point at must be approved.
        return targetApproval(resource, context, 'droplet_id', 'digitalocean_droplet');
    }
  },
});

function fromBool(value: Value<boolean>, why: string, attribute: string): Exposure {
  if (value.state === 'unknown') return { ...value, why: `${attribute} is not known`, attribute };
  return value.state === 'known' && value.value ? { state: 'known', value: true, why, attribute } : { state: 'known', value: false, why: `${attribute} is not true` };
}

function requireAwsApproval(resource: ResourceRecord, context: RuleContext, exposure: Exposure, tagBody?: JsonObject): CheckResult {
  if (exposure.state === 'unknown') {
    return unknown(`whether it is public: ${exposure.why ?? describeExpression(exposure.expression)}`, exposure.attribute);
  }
  if (!exposure.value) return notApplicable(exposure.why ?? 'not public');
  const { key, value } = context.tags.awsExposure;
  const tagged = hasTag(tagBody ? mergeTagSets(awsTags(resource, context), readTagMap(tagBody.tags)) : awsTags(resource, context), key, value);
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
function targetApproval(resource: ResourceRecord, context: RuleContext, attribute: string, targetType: string): CheckResult[] {
  const target = stringAttr(resource.body, attribute);
  if (target.state === 'absent') return [notApplicable(`${attribute} is not set: nothing is exposed through it`)];
  const address = target.state === 'unknown' ? referencedAddress(target.expression) : undefined;
  const targetResource = address ? context.resourceAt(address) : undefined;
  if (!targetResource || targetResource.type !== targetType) {
    const what = target.state === 'known' ? target.value : describeExpression(target.expression);
    return [unknown(`it makes ${what} public, which is not a ${targetType} in this stack, so its approval tag cannot be checked`, attribute)];
  }
  const why = `${resource.address} gives it a public address`;
  if (targetType === 'digitalocean_droplet') return [requireDigitaloceanApproval(targetResource, context, targetResource.body, why)];
  const { key, value } = context.tags.awsExposure;
  return [approvalResult(hasTag(awsTags(targetResource, context), key, value), `${key} = ${value}`, `public because ${why}`, attribute, targetResource.address)];
}

function launchTemplate(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const interfaces = blocks(resource.body, 'network_interfaces');
  const results: CheckResult[] = [];
  if (interfaces.unknownExpression) {
    results.push(unknown(`network_interfaces is ${describeExpression(interfaces.unknownExpression)}`, 'network_interfaces'));
  }
  // Instances launched from the template are tagged through tag_specifications (resource_type "instance"),
  // or carry the template's own tags when the launching service propagates them.
  const instanceTags = blocks(resource.body, 'tag_specifications').occurrences.filter((o) => {
    const type = stringAttr(o.body, 'resource_type');
    return type.state !== 'known' || type.value === 'instance' || type.value === 'network-interface';
  });
  for (const nic of interfaces.occurrences) {
    const associate = boolAttr(nic.body, 'associate_public_ip_address');
    const ipv6 = listAttr(nic.body, 'ipv6_addresses');
    const exposure: Exposure =
      associate.state === 'unknown'
        ? { ...associate, why: `${nic.path}.associate_public_ip_address is not known`, attribute: nic.path }
        : associate.state === 'known' && associate.value
          ? { state: 'known', value: true, why: `${nic.path}.associate_public_ip_address = true`, attribute: nic.path }
          : ipv6.state === 'known' && ipv6.value.length > 0
            ? { state: 'known', value: true, why: `${nic.path} has IPv6 addresses`, attribute: nic.path }
            : { state: 'known', value: false, why: 'no public address' };
    const tagBody = { tags: Object.assign({}, ...instanceTags.map((o) => (typeof o.body.tags === 'object' ? o.body.tags : {}))) };
    const unknownSpec = instanceTags.find((o) => typeof o.body.tags === 'string');
    results.push(requireAwsApproval(resource, context, exposure, unknownSpec ? { tags: unknownSpec.body.tags } : tagBody));
  }
  return results;
}

function digitaloceanLoadBalancer(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const exposure = digitaloceanLoadBalancerExposure(resource);
  if (exposure.state === 'unknown') return [unknown(`whether it is public: ${exposure.why}`, 'network')];
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
    const targets = context.resourcesOfType('digitalocean_droplet').filter((d) => {
      const has = hasDigitaloceanTag(d.body, tag.value);
      return has.state !== 'known' || has.value;
    });
    if (targets.length === 0) {
      results.push(unknown(`it forwards to droplets tagged ${tag.value}, and none of them is in this stack`, 'droplet_tag'));
    }
    for (const droplet of targets) results.push(requireDigitaloceanApproval(droplet, context, droplet.body, why));
  }
  if (results.length === 0) return [violation('an external load balancer with no droplet_ids or droplet_tag cannot be tied to approved droplets', 'droplet_ids')];
  return results;
}
