import { ecrImmutableTags as rule } from '../../../../rules/aws/containers/ecr-immutable-tags';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

describe('ecr-immutable-tags', () => {
  itHonoursItsExamples(rule);

  it('fires for MUTABLE and unset (MUTABLE is the default)', () => {
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app' }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', image_tag_mutability: 'MUTABLE' }))).toEqual(['violation']);
  });

  it('is quiet for IMMUTABLE', () => {
    expect(findingsFor(rule, 'aws_ecr_repository', { name: 'app', image_tag_mutability: 'IMMUTABLE' })).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, 'aws_ecr_repository', { name: 'app', image_tag_mutability: '${var.m}' }))).toEqual(['unknown']);
  });
});
