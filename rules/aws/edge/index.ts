/** The AWS edge and serverless rules (CloudFront, WAF, Lambda, API Gateway, S3 policies for the web), in catalog order. */
import type { Rule } from '../../../engine/rule';

export const awsEdgeRules: readonly Rule[] = [];
