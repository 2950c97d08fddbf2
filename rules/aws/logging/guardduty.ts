/**
 * GuardDuty protection plans, configured two ways: the deprecated `datasources` block of
 * aws_guardduty_detector, or an aws_guardduty_detector_feature per plan. A new detector turns every plan on
 * (except runtime monitoring) unless told otherwise, so only an explicit "off" is a finding.
 */
import type { CheckOutput } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import type { ResourceRecord } from '../../../engine/types';
import { describeExpression, stringAttr } from '../../../engine/values';
import { requireOneOf } from '../../common/shapes';
import { requireNestedBool } from './shared';

export const DETECTOR = 'aws_guardduty_detector';
export const DETECTOR_FEATURE = 'aws_guardduty_detector_feature';

export interface Protection {
  /** The aws_guardduty_detector_feature `name`, e.g. `S3_DATA_EVENTS`. */
  readonly feature: string;
  /** The blocks under `datasources` that hold its `enable`, e.g. `['s3_logs']`. */
  readonly datasource: readonly string[];
  /** For messages, e.g. `S3 protection`. */
  readonly what: string;
}

export function checkProtection(resource: ResourceRecord, protection: Protection): CheckOutput {
  if (resource.type === DETECTOR) return requireNestedBool(resource.body, ['datasources', ...protection.datasource], 'enable', protection.what, true);
  const name = stringAttr(resource.body, 'name');
  if (name.state === 'known' && name.value !== protection.feature) return notApplicable(`configures ${name.value}, not ${protection.feature}`);
  const status = requireOneOf(resource.body, 'status', protection.what, ['ENABLED']);
  if (name.state === 'known' || status.status === 'pass') return status;
  if (name.state === 'absent') return notApplicable('no feature name (Terraform requires one)');
  return unknown(`name is ${describeExpression(name.expression)}, which may be ${protection.feature}, and ${status.message}`, 'name');
}
