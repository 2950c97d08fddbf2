import { cloudwatchLogRetention as rule } from '../../../../rules/aws/data/cloudwatch-log-retention';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_cloudwatch_log_group';
const KEY = { kms_key_id: '${aws_kms_key.logs.arn}' };

describe('cloudwatch-log-retention', () => {
  it('fires when logs are kept forever (unset or 0) or for less than 90 days', () => {
    for (const retention of [undefined, 0, 30, '60']) {
      const found = findingsFor(rule, T, { name: 'g', retention_in_days: retention, ...KEY });
      expect(kinds(found)).toEqual(['violation']);
      expect(found[0].attribute).toBe('retention_in_days');
    }
  });

  it('fires when there is no customer-managed key', () => {
    const found = findingsFor(rule, T, { name: 'g', retention_in_days: 365 });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0].attribute).toBe('kms_key_id');
    expect(kinds(findingsFor(rule, T, { name: 'g', retention_in_days: 365, kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:alias/aws/logs' }))).toEqual([
      'violation',
    ]);
  });

  it('is quiet for 90 days or more with a key from this stack or a literal key ARN', () => {
    expect(findingsFor(rule, T, { name: 'g', retention_in_days: 90, ...KEY })).toEqual([]);
    expect(
      findingsFor(rule, T, { name: 'g', retention_in_days: 3653, kms_key_id: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab' }),
    ).toEqual([]);
  });

  it('is unknown for expression retention or an expression key that may be null', () => {
    expect(kinds(findingsFor(rule, T, { name: 'g', retention_in_days: '${var.days}', ...KEY }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { name: 'g', retention_in_days: 90, kms_key_id: '${var.key}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation', 'violation']);
    expect(passing).toEqual([]);
  });
});
