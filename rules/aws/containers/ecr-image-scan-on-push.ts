/** ECR repositories scan images when they are pushed, themselves or through the registry's scanning rules. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { ResourceRecord } from '../../../engine/types';
import { any, blocks, describeExpression, isExpression, known, maybe, NO, stringAttr, type Answer } from '../../../engine/values';
import { forEachBlock, requireBool } from '../../common/shapes';
import { globMatch } from '../policy/template';

const REGISTRY_SCANNING = 'aws_ecr_registry_scanning_configuration';
/** Scan frequencies that scan without being asked: on push, or continuously (enhanced scanning). */
const AUTOMATIC = ['SCAN_ON_PUSH', 'CONTINUOUS_SCAN'];

export const ecrImageScanOnPush = defineRule({
  id: 'ecr-image-scan-on-push',
  title: 'ECR repositories scan images on push',
  severity: 'warning',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: ['aws_ecr_repository'],
  rationale:
    'Without scanning, an image with a known-exploitable package (an old OpenSSL, a vulnerable log4j) is ' +
    'deployed and nobody is told. Scan on push reports the CVEs of every image as it arrives, before a task ' +
    'runs it. It is off by default. The registry-level setting (aws_ecr_registry_scanning_configuration) ' +
    "replaces the repository's own: a repository is covered when one of its rules with SCAN_ON_PUSH or " +
    'CONTINUOUS_SCAN has a filter matching the repository name. A registry configuration in another stack ' +
    'cannot be seen from here: record that as a suppression.',
  fix:
    'Set `image_scanning_configuration { scan_on_push = true }`, or add an aws_ecr_registry_scanning_configuration ' +
    'with a rule `{ scan_frequency = "SCAN_ON_PUSH", repository_filter { filter = "*", filter_type = "WILDCARD" } }`.',
  references: {
    checkov: ['CKV_AWS_163'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_163',
        kind: 'looser',
        why: 'a repository without scan_on_push passes when an aws_ecr_registry_scanning_configuration in the stack scans it on push or continuously.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ecr_repository', body: { name: 'app' } },
    passing: { resourceType: 'aws_ecr_repository', body: { name: 'app', image_scanning_configuration: { scan_on_push: true } } },
  },
  check(resource, context) {
    const own = forEachBlock(
      resource.body,
      'image_scanning_configuration',
      (b) => requireBool(b.body, 'scan_on_push', 'scan on push', { path: b.path, defaultValue: false }),
      violation('no image_scanning_configuration: images are not scanned on push', 'image_scanning_configuration'),
    );
    if (own.every((r) => r.status === 'pass')) return own;
    const registry = registryScans(resource, context);
    if (registry.state === 'known' && registry.value) return pass(`not scanned by the repository itself, but ${registry.why}`);
    if (registry.state === 'unknown')
      return unknown(`the repository does not scan on push itself, and whether a registry scanning rule covers it depends on ${registry.expression}`);
    return own;
  },
});

/** Whether a registry scanning configuration in this stack scans the repository automatically. */
function registryScans(repository: ResourceRecord, context: RuleContext): Answer {
  const configs = context.resourcesOfType(REGISTRY_SCANNING).filter((r) => r.mode === 'managed');
  const name = stringAttr(repository.body, 'name');
  return any(configs, (config) => {
    if (config.body.count !== undefined || config.body.for_each !== undefined) return maybe(`${config.address}, which has count or for_each`);
    const rules = blocks(config.body, 'rule');
    const found: Answer[] = rules.unknownExpression ? [maybe(`${config.address}.rule = ${describeExpression(rules.unknownExpression)}`)] : [];
    for (const rule of rules.occurrences) {
      const frequency = stringAttr(rule.body, 'scan_frequency');
      const automatic: Answer =
        frequency.state === 'known'
          ? known(AUTOMATIC.includes(frequency.value.toUpperCase()))
          : frequency.state === 'unknown'
            ? maybe(`${config.address} ${rule.path}.scan_frequency`)
            : NO;
      if (automatic.state === 'known' && !automatic.value) continue;
      const filters = blocks(rule.body, 'repository_filter');
      if (filters.unknownExpression) found.push(maybe(`${config.address} ${rule.path}.repository_filter`));
      for (const filter of filters.occurrences) {
        let matches = filterMatches(filter.body.filter, name, `${config.address} ${rule.path}.${filter.path}`);
        if (matches.state === 'known' && matches.value && (rule.mayBeNone ?? filter.mayBeNone))
          matches = maybe(`a dynamic block in ${config.address} whose for_each may be empty`);
        if (matches.state === 'known' && matches.value && automatic.state === 'unknown') matches = automatic;
        found.push(matches.state === 'known' && matches.value ? known(true, `${config.address} scans it (${rule.path})`) : matches);
      }
    }
    return any(found, (a) => a);
  });
}

function filterMatches(filter: unknown, name: ReturnType<typeof stringAttr>, where: string): Answer {
  if (typeof filter !== 'string') return NO;
  if (name.state === 'known' && !isExpression(filter)) return known(globMatch(filter, name.value));
  if (filter === '*') return known(true);
  return maybe(
    `${where}.filter, which may or may not match the repository name ${name.state === 'known' ? name.value : name.state === 'unknown' ? describeExpression(name.expression) : ''}`.trim(),
  );
}
