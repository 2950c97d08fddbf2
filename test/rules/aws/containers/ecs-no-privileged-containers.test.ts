import { ecsNoPrivilegedContainers as rule } from '../../../../rules/aws/containers/ecs-no-privileged-containers';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

describe('ecs-no-privileged-containers', () => {
  itHonoursItsExamples(rule);

  it('fires for a privileged container, once per container', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', privileged: true }, { name: 'b', privileged: 'true' }, { name: 'c' }])))).toEqual([
      'violation',
      'violation',
    ]);
  });

  it('is quiet when no container is privileged', () => {
    expect(findingsFor(rule, TD, task([{ name: 'a' }, { name: 'b', privileged: false }]))).toEqual([]);
  });

  it('is unknown for an expression in the field, or for container_definitions that cannot be read', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', privileged: '${var.privileged}' }])))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, { family: 'app', container_definitions: '${jsonencode(local.containers)}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, { family: 'app', container_definitions: '[${local.container}]' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, TD, { family: 'app' }))).toEqual(['unknown']);
  });

  it('reads a bare expression value inside the JSON as unknown, not as a value', () => {
    expect(kinds(findingsFor(rule, TD, { family: 'app', container_definitions: '[{"name":"a","privileged":${var.p}}]' }))).toEqual(['unknown']);
  });
});
