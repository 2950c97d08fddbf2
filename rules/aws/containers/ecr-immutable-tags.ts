/** ECR image tags cannot be overwritten: a tag names one image for good. */
import { defineRule } from '../../../engine/rule';
import { requireOneOf } from '../../common/shapes';

export const ecrImmutableTags = defineRule({
  id: 'ecr-immutable-tags',
  title: 'ECR repositories have immutable image tags',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: ['aws_ecr_repository'],
  rationale:
    'With mutable tags, whoever can push to the repository can replace `app:1.4.2` with another image, and ' +
    'every task, node or pipeline that pulls the tag runs it at its next start, with no change to the task ' +
    'definition to review. Immutable tags make a tag a permanent name for one image digest. The default is ' +
    'MUTABLE. Strict: a `latest`-style moving tag workflow needs to change to unique tags (or digests) first.',
  fix: 'Set `image_tag_mutability = "IMMUTABLE"` and tag each build uniquely (version or commit).',
  references: {
    checkov: ['CKV_AWS_51'],
    docs: ['https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ecr_repository', body: { name: 'app' } },
    passing: { resourceType: 'aws_ecr_repository', body: { name: 'app', image_tag_mutability: 'IMMUTABLE' } },
  },
  check(resource) {
    return requireOneOf(resource.body, 'image_tag_mutability', 'immutable tags', ['IMMUTABLE'], { defaultValue: 'MUTABLE' });
  },
});
