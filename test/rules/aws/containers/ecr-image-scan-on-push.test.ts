import { ecrImageScanOnPush as rule } from '../../../../rules/aws/containers/ecr-image-scan-on-push';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

const REPO = 'aws_ecr_repository';
const registry = (rule: unknown) => ({ resource: { aws_ecr_registry_scanning_configuration: { main: { scan_type: 'ENHANCED', rule } } } });
const scanRule = (filter: string, frequency = 'SCAN_ON_PUSH') => ({ scan_frequency: frequency, repository_filter: { filter, filter_type: 'WILDCARD' } });

describe('ecr-image-scan-on-push', () => {
  itHonoursItsExamples(rule);

  it('fires when scan_on_push is off or unset and no registry rule covers the repository', () => {
    expect(kinds(findingsFor(rule, REPO, { name: 'app' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, REPO, { name: 'app', image_scanning_configuration: { scan_on_push: false } }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, REPO, { name: 'app' }, registry(scanRule('other-*'))))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, REPO, { name: 'app' }, registry(scanRule('*', 'MANUAL'))))).toEqual(['violation']);
  });

  it('is quiet with scan_on_push, or a registry rule scanning it on push or continuously', () => {
    expect(findingsFor(rule, REPO, { name: 'app', image_scanning_configuration: { scan_on_push: true } })).toEqual([]);
    expect(findingsFor(rule, REPO, { name: 'app' }, registry(scanRule('*')))).toEqual([]);
    expect(findingsFor(rule, REPO, { name: 'team/app' }, registry([scanRule('other'), scanRule('team/*', 'CONTINUOUS_SCAN')]))).toEqual([]);
    expect(findingsFor(rule, REPO, { name: '${var.name}' }, registry(scanRule('*')))).toEqual([]);
  });

  it('is unknown for expressions: scan_on_push, a registry filter, the repository name against a specific filter', () => {
    expect(kinds(findingsFor(rule, REPO, { name: 'app', image_scanning_configuration: { scan_on_push: '${var.scan}' } }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, REPO, { name: 'app' }, registry(scanRule('${var.filter}'))))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, REPO, { name: '${var.name}' }, registry(scanRule('team/*'))))).toEqual(['unknown']);
    expect(
      kinds(findingsFor(rule, REPO, { name: 'app' }, registry({ scan_frequency: '${var.f}', repository_filter: { filter: '*', filter_type: 'WILDCARD' } }))),
    ).toEqual(['unknown']);
  });

  it('does not rely on a registry rule from a dynamic block whose for_each may be empty', () => {
    const dynamicRule = {
      resource: {
        aws_ecr_registry_scanning_configuration: { main: { scan_type: 'BASIC', dynamic: { rule: { for_each: '${var.rules}', content: scanRule('*') } } } },
      },
    };
    expect(kinds(findingsFor(rule, REPO, { name: 'app' }, dynamicRule))).toEqual(['unknown']);
  });
});
