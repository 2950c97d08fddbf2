import { ebsDefaultEncryption as rule } from '../../../../rules/aws/data/ebs-default-encryption';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_ebs_encryption_by_default';

describe('ebs-default-encryption', () => {
  it('fires when encryption by default is turned off', () => {
    expect(kinds(findingsFor(rule, T, { enabled: false }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { enabled: 'false' }))).toEqual(['violation']);
  });

  it('is quiet when enabled, or left at the provider default (true)', () => {
    expect(findingsFor(rule, T, { enabled: true })).toEqual([]);
    expect(findingsFor(rule, T, {})).toEqual([]);
  });

  it('is unknown when enabled is an expression', () => {
    expect(kinds(findingsFor(rule, T, { enabled: '${var.ebs_default}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
