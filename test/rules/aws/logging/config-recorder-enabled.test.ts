import { configRecorderEnabled as rule } from '../../../../rules/aws/logging/config-recorder-enabled';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const R = 'aws_config_configuration_recorder';
const S = 'aws_config_configuration_recorder_status';
const status = (name: unknown, is_enabled: unknown = true) => ({ resource: { [S]: { on: { name, is_enabled } } } });

describe('config-recorder-enabled', () => {
  itHonoursItsExamples(rule);

  describe(S, () => {
    it('fires when is_enabled is false or unset', () => {
      expect(kinds(findingsFor(rule, S, { name: 'main', is_enabled: false }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, S, { name: 'main' }))).toEqual(['violation']);
    });
    it('stays quiet when true', () => expect(findingsFor(rule, S, { name: 'main', is_enabled: true })).toEqual([]));
    it('is unknown for an expression', () => expect(kinds(findingsFor(rule, S, { name: 'main', is_enabled: '${var.on}' }))).toEqual(['unknown']));
  });

  describe(R, () => {
    it('fires when no status names it', () => {
      expect(kinds(findingsFor(rule, R, { name: 'main' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, R, { name: 'main' }, status('other')))).toEqual(['violation']);
    });
    it('stays quiet when a status references it or names it, also by its default name', () => {
      expect(findingsFor(rule, R, { name: 'main' }, status('${aws_config_configuration_recorder.subject.name}'))).toEqual([]);
      expect(findingsFor(rule, R, { name: 'main' }, status('main'))).toEqual([]);
      expect(findingsFor(rule, R, {}, status('default'))).toEqual([]);
    });
    it('is unknown when a status may name it', () => {
      expect(kinds(findingsFor(rule, R, { name: 'main' }, status('${var.recorder}')))).toEqual(['unknown']);
    });
  });
});
