/**
 * The VPC default security group allows nothing, and every VPC's default group is managed, so nothing attached
 * to it by default (or by mistake) gets AWS's allow-all-within-the-group rules.
 */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { forEachBlock } from '../../common/shapes';
import { referencesTo, stackReferenceTo } from './references';

const RULE_TYPES = ['aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'];

export const defaultSecurityGroupRestrictsAll = defineRule({
  id: 'default-security-group-restricts-all',
  title: "Every VPC's default security group is managed and allows no traffic",
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_default_security_group', 'aws_vpc'],
  rationale:
    'AWS creates every VPC with a default security group that allows all traffic between its members and all ' +
    'egress. Anything launched without an explicit group (or an ENI created by a service) lands in it, silently ' +
    'joining a flat network. Adopting it with aws_default_security_group and no rules strips those rules; any ' +
    'rule attached to it (inline or as a separate rule resource) brings the flat network back.',
  fix:
    'For each aws_vpc add `aws_default_security_group { vpc_id = aws_vpc.<name>.id }` with no ingress and no ' +
    'egress blocks, attach no rule resources to it, and give every workload its own security group.',
  references: {
    checkov: ['CKV2_AWS_12'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_12',
        kind: 'stricter',
        why: 'also reports on the aws_default_security_group itself and counts rules attached through aws_vpc.default_security_group_id; checkov evaluates the VPC and only rules connected to the default group resource',
      },
    ],
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html'],
  },
  examples: {
    failing: { resourceType: 'aws_vpc', body: { cidr_block: '10.0.0.0/16' } },
    passing: {
      resourceType: 'aws_vpc',
      body: { cidr_block: '10.0.0.0/16' },
      others: { aws_default_security_group: { default: { vpc_id: '${aws_vpc.example.id}' } } },
    },
  },
  check(resource, context) {
    return resource.type === 'aws_vpc' ? vpcHasManagedDefault(resource, context) : defaultGroupIsEmpty(resource, context);
  },
});

function defaultGroupIsEmpty(group: ResourceRecord, context: RuleContext): CheckResult[] {
  const results: CheckResult[] = [];
  for (const kind of ['ingress', 'egress']) {
    results.push(...forEachBlock(group.body, kind, (block) => violation(`the default security group must allow nothing, but has ${block.path}`, block.path)));
  }
  results.push(...attachedRules(`${group.address}.id`, context));
  return results.length > 0 ? results : [pass('the default security group has no rules')];
}

function vpcHasManagedDefault(vpc: ResourceRecord, context: RuleContext): CheckResult[] {
  const adopted = stackReferenceTo(vpc, context.resourcesOfType('aws_default_security_group'), 'vpc_id');
  // Rules attached through the VPC's own default_security_group_id attribute, with or without adoption.
  const attached = attachedRules(`${vpc.address}.default_security_group_id`, context);
  if (adopted.state === 'known') return attached.length > 0 ? attached : [pass(`its default security group is managed by ${adopted.value.address}`)];
  if (adopted.state === 'unknown')
    return [...attached, unknown(`${adopted.expression}, so whether this VPC's default security group is managed cannot be told`)];
  return [
    ...attached,
    violation("no aws_default_security_group manages this VPC's default security group, so it keeps AWS's allow-all rules between its members"),
  ];
}

/** Rule resources attached to a security group whose id is `${<idExpression>}`. */
function attachedRules(idExpression: string, context: RuleContext): CheckResult[] {
  return RULE_TYPES.flatMap((type) => referencesTo(idExpression, context.resourcesOfType(type), 'security_group_id')).map((rule) =>
    violation(`${rule.address} adds a rule to the default security group, which must allow nothing`),
  );
}
