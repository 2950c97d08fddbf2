/** S3 CORS rules do not let every web origin send writes. */
import { defineRule } from '../../../engine/rule';
import { forEachBlock } from '../../common/shapes';
import { corsRuleResult } from './edge-common';

const CORS = 'aws_s3_bucket_cors_configuration';
const BUCKET = 'aws_s3_bucket';
const NAMES = { origins: 'allowed_origins', methods: 'allowed_methods' } as const;

export const s3CorsRestricted = defineRule({
  id: 's3-cors-restricted',
  title: 'S3 CORS rules allow every origin ("*") to read only (GET, HEAD)',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [CORS, BUCKET],
  rationale:
    'A CORS rule with allowed_origins = ["*"] and PUT, POST or DELETE lets scripts on any web site send those ' +
    "requests to the bucket from a visitor's browser and read the answers: combined with presigned URLs or a " +
    'permissive bucket policy, any page on the internet can upload, overwrite or delete objects through your ' +
    'users. Wildcard reads (GET, HEAD) are usual for public assets and accepted. Strict: browser uploads from ' +
    'many origins are sometimes intended.',
  fix: 'List the origins that upload (allowed_origins = ["https://app.example.com"]) in the rules that allow PUT, POST or DELETE; keep "*" only for GET and HEAD.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html'],
  },
  examples: {
    failing: { resourceType: CORS, body: { bucket: '${aws_s3_bucket.uploads.id}', cors_rule: [{ allowed_origins: ['*'], allowed_methods: ['GET', 'PUT'] }] } },
    passing: {
      resourceType: CORS,
      body: {
        bucket: '${aws_s3_bucket.uploads.id}',
        cors_rule: [
          { allowed_origins: ['https://app.example.com'], allowed_methods: ['PUT', 'POST'] },
          { allowed_origins: ['*'], allowed_methods: ['GET', 'HEAD'] },
        ],
      },
    },
  },
  // aws_s3_bucket: its deprecated inline cors_rule blocks.
  check: (resource) => forEachBlock(resource.body, 'cors_rule', (rule) => corsRuleResult(rule.body, rule.path, NAMES)),
});
