import { accessAnalyzerExternalAccess as rule } from '../../../../rules/aws/logging/access-analyzer-external-access';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_accessanalyzer_analyzer';

describe('access-analyzer-external-access', () => {
  itHonoursItsExamples(rule);

  it('fires for analyzers that do not look for external access', () => {
    for (const type of ['ACCOUNT_UNUSED_ACCESS', 'ORGANIZATION_UNUSED_ACCESS', 'ACCOUNT_INTERNAL_ACCESS']) {
      expect(kinds(findingsFor(rule, R, { analyzer_name: 'a', type }))).toEqual(['violation']);
    }
  });
  it('stays quiet for ACCOUNT, ORGANIZATION, or type left to its default', () => {
    expect(findingsFor(rule, R, { analyzer_name: 'a' })).toEqual([]);
    expect(findingsFor(rule, R, { analyzer_name: 'a', type: 'ACCOUNT' })).toEqual([]);
    expect(findingsFor(rule, R, { analyzer_name: 'a', type: 'ORGANIZATION' })).toEqual([]);
  });
  it('is unknown when type is an expression', () => {
    expect(kinds(findingsFor(rule, R, { analyzer_name: 'a', type: '${var.analyzer_type}' }))).toEqual(['unknown']);
  });
});
