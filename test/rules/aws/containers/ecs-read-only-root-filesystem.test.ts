import { ecsReadOnlyRootFilesystem as rule } from '../../../../rules/aws/containers/ecs-read-only-root-filesystem';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

describe('ecs-read-only-root-filesystem', () => {
  itHonoursItsExamples(rule);

  it('fires for a container without a read-only root (unset means writable)', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', readonlyRootFilesystem: true }, { name: 'b' }])))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', readonlyRootFilesystem: false }])))).toEqual(['violation']);
  });

  it('is quiet when every container is read-only', () => {
    expect(
      findingsFor(
        rule,
        TD,
        task([
          { name: 'a', readonlyRootFilesystem: true },
          { name: 'b', readonlyRootFilesystem: 'true' },
        ]),
      ),
    ).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', readonlyRootFilesystem: '${var.ro}' }])))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, { family: 'app', container_definitions: '${var.containers}' }))).toEqual(['unknown']);
  });
});
