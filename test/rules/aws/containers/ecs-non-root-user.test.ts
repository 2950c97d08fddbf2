import { ecsNonRootUser as rule } from '../../../../rules/aws/containers/ecs-non-root-user';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

describe('ecs-non-root-user', () => {
  itHonoursItsExamples(rule);

  it.each([['root'], ['0'], ['0:0'], ['root:app']])('fires for user %s', (user) => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', user }])))).toEqual(['violation']);
  });

  it('fires when user is unset (the image decides, root for most)', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a' }])))).toEqual(['violation']);
  });

  it('is quiet for a non-root user', () => {
    expect(
      findingsFor(
        rule,
        TD,
        task([
          { name: 'a', user: '1000' },
          { name: 'b', user: 'app:app' },
          { name: 'c', user: '10001:0' },
        ]),
      ),
    ).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, TD, task([{ name: 'a', user: '${var.user}' }])))).toEqual(['unknown']);
  });
});
