import { accessAnalyzerArchiveRuleNotBlanket as rule } from '../../../../rules/aws/logging/access-analyzer-archive-rule-not-blanket';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_accessanalyzer_archive_rule';
const archive = (filter: unknown) => ({ analyzer_name: 'external', rule_name: 'r', ...(filter === undefined ? {} : { filter }) });

describe('access-analyzer-archive-rule-not-blanket', () => {
  itHonoursItsExamples(rule);

  it('fires when no filter narrows the rule', () => {
    expect(kinds(findingsFor(rule, R, archive(undefined)))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, R, archive({ criteria: 'isPublic', exists: true })))).toEqual(['violation']);
    expect(
      kinds(
        findingsFor(
          rule,
          R,
          archive([
            { criteria: 'resourceType', exists: true },
            { criteria: 'isPublic', eq: ['true', 'false'] },
            { criteria: 'status', eq: ['active', 'archived', 'resolved'] },
          ]),
        ),
      ),
    ).toEqual(['violation']);
    expect(kinds(findingsFor(rule, R, archive({ criteria: 'resource', contains: ['arn:'] })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, R, archive({ criteria: 'resourceType', contains: ['AWS::'] })))).toEqual(['violation']);
  });
  it('stays quiet when a filter narrows it', () => {
    expect(findingsFor(rule, R, archive({ criteria: 'principal.AWS', eq: ['111122223333'] }))).toEqual([]);
    expect(findingsFor(rule, R, archive({ criteria: 'isPublic', eq: ['false'] }))).toEqual([]);
    expect(findingsFor(rule, R, archive({ criteria: 'error', exists: true }))).toEqual([]);
    expect(findingsFor(rule, R, archive({ criteria: 'isPublic', exists: false }))).toEqual([]);
    expect(findingsFor(rule, R, archive({ criteria: 'resourceType', neq: ['AWS::S3::Bucket'] }))).toEqual([]);
    expect(findingsFor(rule, R, archive({ criteria: 'resource', contains: ['arn:aws:s3:::logs-'] }))).toEqual([]);
    expect(
      findingsFor(
        rule,
        R,
        archive([
          { criteria: 'resourceType', exists: true },
          { criteria: 'resourceOwnerAccount', eq: ['111122223333'] },
        ]),
      ),
    ).toEqual([]);
  });
  it('is unknown when what a filter matches is an expression', () => {
    expect(kinds(findingsFor(rule, R, archive({ criteria: '${var.criteria}', exists: true })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, R, archive({ criteria: 'isPublic', exists: '${var.exists}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, R, archive({ criteria: 'isPublic', eq: ['true', '${var.other}'] })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, R, archive('${local.filters}')))).toEqual(['unknown']);
  });
  it('does not count a narrowing filter that a dynamic block may not produce', () => {
    const body = {
      analyzer_name: 'external',
      rule_name: 'r',
      filter: { criteria: 'isPublic', exists: true },
      dynamic: { filter: { for_each: '${var.accounts}', content: { criteria: 'principal.AWS', eq: ['${filter.value}'] } } },
    };
    expect(kinds(findingsFor(rule, R, body))).toEqual(['unknown']);
  });
});
