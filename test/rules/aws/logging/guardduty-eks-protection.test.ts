import { guarddutyEksProtection as rule } from '../../../../rules/aws/logging/guardduty-eks-protection';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const D = 'aws_guardduty_detector';
const F = 'aws_guardduty_detector_feature';
const feature = (name: unknown, status: unknown) => ({ detector_id: '${aws_guardduty_detector.main.id}', name, status });
const datasources = (enable: unknown) => ({ datasources: { kubernetes: { audit_logs: { enable } } } });

describe('guardduty-eks-protection', () => {
  itHonoursItsExamples(rule);

  describe(D, () => {
    it('fires when the datasources block turns it off', () => expect(kinds(findingsFor(rule, D, datasources(false)))).toEqual(['violation']));
    it('stays quiet when unset (a new detector turns it on) or on', () => {
      expect(findingsFor(rule, D, {})).toEqual([]);
      expect(findingsFor(rule, D, { datasources: {} })).toEqual([]);
      expect(findingsFor(rule, D, datasources(true))).toEqual([]);
    });
    it('is unknown for an expression', () => {
      expect(kinds(findingsFor(rule, D, datasources('${var.on}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, D, { datasources: '${var.sources}' }))).toEqual(['unknown']);
    });
  });

  describe(F, () => {
    it('fires when the feature is DISABLED', () => expect(kinds(findingsFor(rule, F, feature('EKS_AUDIT_LOGS', 'DISABLED')))).toEqual(['violation']));
    it('stays quiet when ENABLED, or for another feature', () => {
      expect(findingsFor(rule, F, feature('EKS_AUDIT_LOGS', 'ENABLED'))).toEqual([]);
      expect(findingsFor(rule, F, feature('S3_DATA_EVENTS', 'DISABLED'))).toEqual([]);
    });
    it('is unknown for an expression status, or a name that may be this feature', () => {
      expect(kinds(findingsFor(rule, F, feature('EKS_AUDIT_LOGS', '${var.status}')))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, F, feature('${each.key}', 'DISABLED')))).toEqual(['unknown']);
      expect(findingsFor(rule, F, feature('${each.key}', 'ENABLED'))).toEqual([]);
    });
  });
});
