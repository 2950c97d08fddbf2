/** Redshift refuses unencrypted client connections: the cluster's parameter group sets require_ssl. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { blocks, boolAttr, describeExpression, maybe, NO, referencedAddress, stringAttr, YES, type Answer } from '../../../engine/values';

const GROUP = 'aws_redshift_parameter_group';

/** Whether a parameter group sets require_ssl = true. */
function requiresSsl(group: ResourceRecord): Answer {
  const params = blocks(group.body, 'parameter');
  if (params.unknownExpression) return maybe(`${group.address}.parameter is ${describeExpression(params.unknownExpression)}`);
  let doubt: Answer = NO;
  for (const p of params.occurrences) {
    const name = stringAttr(p.body, 'name');
    if (name.state === 'known' && name.value !== 'require_ssl') continue;
    const value = boolAttr(p.body, 'value');
    if (name.state === 'unknown') doubt = maybe(`${group.address}.${p.path}.name is ${describeExpression(name.expression)}`);
    else if (value.state === 'unknown') doubt = maybe(`${group.address}.${p.path}.value is ${describeExpression(value.expression)}`);
    else if (value.state === 'known' && value.value) {
      if (p.mayBeNone === undefined) return YES;
      doubt = maybe(`${group.address}.${p.path} comes from a dynamic block whose for_each may be empty`);
    }
  }
  return doubt;
}

function result(answer: Answer, group: string): CheckResult {
  if (answer.state === 'unknown') return unknown(`whether ${group} requires SSL cannot be known: ${answer.expression}`);
  return answer.value ? pass(`${group} sets require_ssl = true`) : violation(`${group} does not set require_ssl = true, so clients may connect without TLS`);
}

function clusterResult(cluster: ResourceRecord, context: RuleContext): CheckResult {
  const name = stringAttr(cluster.body, 'cluster_parameter_group_name');
  if (name.state === 'absent')
    return violation('no cluster_parameter_group_name: the default parameter group has require_ssl = false', 'cluster_parameter_group_name');
  if (name.state === 'unknown') {
    const address = referencedAddress(name.expression);
    const group = address ? context.resourceAt(address) : undefined;
    if (group?.type === GROUP) return result(requiresSsl(group), group.address);
    return unknownValue('cluster_parameter_group_name', name);
  }
  if (name.value.startsWith('default.'))
    return violation(
      `cluster_parameter_group_name = "${name.value}" is a default parameter group, which has require_ssl = false`,
      'cluster_parameter_group_name',
    );
  const group = context.resourcesOfType(GROUP).find((g) => g.body.name === name.value);
  if (group) return result(requiresSsl(group), group.address);
  return unknown(`the parameter group "${name.value}" is not in this stack, so whether it requires SSL cannot be verified`, 'cluster_parameter_group_name');
}

export const redshiftRequireSsl = defineRule({
  id: 'redshift-require-ssl',
  title: 'Redshift clusters require SSL (require_ssl = true in their parameter group)',
  severity: 'warning',
  profile: 'strict',
  category: 'data',
  resourceTypes: ['aws_redshift_cluster', GROUP],
  rationale:
    'Redshift accepts unencrypted client connections unless the cluster parameter group sets require_ssl = ' +
    'true; the default parameter group does not, and cannot be changed. A client that falls back to plaintext ' +
    'sends its password and query results across the network readable. A cluster is checked through the ' +
    'parameter group it names (in this stack, by reference or name); a group outside the stack is unknown. ' +
    'Strict: old drivers and tools may need reconfiguring before SSL can be required.',
  fix: `Create an ${GROUP} with \`parameter { name = "require_ssl", value = "true" }\` and set the cluster's \`cluster_parameter_group_name\` to it.`,
  references: {
    checkov: ['CKV_AWS_105'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_105',
        kind: 'stricter',
        why: 'checkov checks parameter groups only; here a cluster on the default parameter group (or on a group not known to require SSL) fails too.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/redshift/latest/mgmt/connecting-ssl-support.html'],
  },
  examples: {
    failing: { resourceType: GROUP, body: { name: 'warehouse', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'false' }] } },
    passing: { resourceType: GROUP, body: { name: 'warehouse', family: 'redshift-1.0', parameter: [{ name: 'require_ssl', value: 'true' }] } },
  },
  check(resource, context) {
    return resource.type === GROUP ? result(requiresSsl(resource), 'the parameter group') : clusterResult(resource, context);
  },
});
