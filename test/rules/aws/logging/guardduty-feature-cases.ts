/**
 * The cases every "GuardDuty protection X is on" rule is held to: on the detector (its legacy `datasources`
 * block) and on an `aws_guardduty_detector_feature`, it fires when off, stays quiet when on or unset, and is
 * unknown for an expression.
 */
import type { Rule } from '../../../../engine/rule';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const D = 'aws_guardduty_detector';
const F = 'aws_guardduty_detector_feature';
const feature = (name: unknown, status: unknown) => ({ detector_id: '${aws_guardduty_detector.main.id}', name, status });

export interface GuardDutyFeatureCase {
  /** The detector body with this protection's `datasources` switch set to `enable`. */
  readonly datasources: (enable: unknown) => Record<string, unknown>;
  /** This protection's feature name, e.g. `EKS_AUDIT_LOGS`. */
  readonly feature: string;
  /** Another protection's feature name, which the rule must ignore. */
  readonly otherFeature: string;
}

export function describeGuardDutyFeatureRule(rule: Rule, c: GuardDutyFeatureCase): void {
  describe(rule.id, () => {
    itHonoursItsExamples(rule);

    describe(D, () => {
      it('fires when the datasources block turns it off', () => expect(kinds(findingsFor(rule, D, c.datasources(false)))).toEqual(['violation']));
      it('stays quiet when unset (a new detector turns it on) or on', () => {
        expect(findingsFor(rule, D, {})).toEqual([]);
        expect(findingsFor(rule, D, { datasources: {} })).toEqual([]);
        expect(findingsFor(rule, D, c.datasources(true))).toEqual([]);
      });
      it('is unknown for an expression', () => {
        expect(kinds(findingsFor(rule, D, c.datasources('${var.on}')))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, D, { datasources: '${var.sources}' }))).toEqual(['unknown']);
      });
    });

    describe(F, () => {
      it('fires when the feature is DISABLED', () => expect(kinds(findingsFor(rule, F, feature(c.feature, 'DISABLED')))).toEqual(['violation']));
      it('stays quiet when ENABLED, or for another feature', () => {
        expect(findingsFor(rule, F, feature(c.feature, 'ENABLED'))).toEqual([]);
        expect(findingsFor(rule, F, feature(c.otherFeature, 'DISABLED'))).toEqual([]);
      });
      it('is unknown for an expression status, or a name that may be this feature', () => {
        expect(kinds(findingsFor(rule, F, feature(c.feature, '${var.status}')))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, F, feature('${each.key}', 'DISABLED')))).toEqual(['unknown']);
        expect(findingsFor(rule, F, feature('${each.key}', 'ENABLED'))).toEqual([]);
      });
    });
  });
}
