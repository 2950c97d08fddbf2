import { guarddutyDetectorEnabled as rule } from '../../../../rules/aws/logging/guardduty-detector-enabled';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const D = 'aws_guardduty_detector';

describe('guardduty-detector-enabled', () => {
  itHonoursItsExamples(rule);

  it('fires on a suspended detector', () => expect(kinds(findingsFor(rule, D, { enable: false }))).toEqual(['violation']));
  it('stays quiet when enable is unset (it defaults to true) or true', () => {
    expect(findingsFor(rule, D, {})).toEqual([]);
    expect(findingsFor(rule, D, { enable: true })).toEqual([]);
  });
  it('is unknown for an expression', () => expect(kinds(findingsFor(rule, D, { enable: '${var.on}' }))).toEqual(['unknown']));
});
