/** Buckets are not served as S3 website endpoints, which speak plain HTTP and need a public bucket. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, JsonObject } from '../../../engine/types';
import { attr, blockPresence, blocks, describeExpression } from '../../../engine/values';
import { WEBSITE_CONFIGURATION } from '../data/s3-common';

const BUCKET = 'aws_s3_bucket';

const SERVES = 'is served as an S3 website endpoint: plain HTTP only, so visitors can be read and tampered with, and the bucket must be readable by everyone';

/** A website configuration that only redirects every request elsewhere serves no content of its own. */
function websiteResult(redirectsAll: ReturnType<typeof blockPresence>, where: string): CheckResult {
  if (redirectsAll.state === 'known' && redirectsAll.value) return pass(`${where} only redirects every request to another host`);
  if (redirectsAll.state === 'unknown')
    return unknown(`${where} ${SERVES}, unless its redirect_all_requests_to (${describeExpression(redirectsAll.expression)}) exists`);
  return violation(`${where} ${SERVES}`);
}

/** The inline `website` block of a bucket: `redirect_all_requests_to` is an attribute there. */
function inlineRedirects(website: JsonObject): ReturnType<typeof blockPresence> {
  const value = attr(website, 'redirect_all_requests_to');
  if (value.state === 'unknown') return value;
  return { state: 'known', value: value.state === 'known' && String(value.value).trim() !== '' };
}

export const s3WebsiteHttpOnly = defineRule({
  id: 's3-website-http-only',
  title: 'S3 buckets are not website endpoints (HTTP only); serve sites through CloudFront',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: [WEBSITE_CONFIGURATION, BUCKET],
  rationale:
    'An S3 website endpoint (<bucket>.s3-website-<region>.amazonaws.com) speaks HTTP only and serves anonymous ' +
    'requests only: the bucket must grant public read, visitors get no TLS (pages and scripts can be read and ' +
    'rewritten in transit), and the endpoint stays reachable directly even behind CloudFront, bypassing its WAF ' +
    'and logs. A website configuration that only redirects every request (redirect_all_requests_to) serves no ' +
    'content and is not reported. Strict: a warning, since small public sites are often hosted this way on purpose.',
  fix:
    'Serve the bucket through CloudFront using its REST endpoint (bucket_regional_domain_name) with origin ' +
    'access control and default_root_object (a CloudFront Function for index documents in subdirectories), ' +
    `and remove the ${WEBSITE_CONFIGURATION}.`,
  references: {
    docs: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/WebsiteEndpoints.html',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/private-content-restricting-access-to-s3.html',
    ],
  },
  examples: {
    failing: { resourceType: WEBSITE_CONFIGURATION, body: { bucket: '${aws_s3_bucket.site.id}', index_document: { suffix: 'index.html' } } },
    passing: {
      resourceType: WEBSITE_CONFIGURATION,
      body: { bucket: '${aws_s3_bucket.site.id}', redirect_all_requests_to: { host_name: 'www.example.com', protocol: 'https' } },
    },
  },
  check(resource) {
    if (resource.type === WEBSITE_CONFIGURATION) return websiteResult(blockPresence(blocks(resource.body, 'redirect_all_requests_to')), 'the bucket');
    const found = blocks(resource.body, 'website');
    const present = blockPresence(found);
    if (present.state === 'known' && !present.value) return notApplicable('no website block');
    if (found.unknownExpression) return unknown(`website is ${describeExpression(found.unknownExpression)}`, 'website');
    const results = found.occurrences.map((w) => {
      const result = websiteResult(inlineRedirects(w.body), `the bucket (${w.path})`);
      return w.mayBeNone !== undefined && result.status === 'violation'
        ? unknown(`${result.message}, if its dynamic website block (for_each ${describeExpression(w.mayBeNone)}) makes one`, 'website')
        : result;
    });
    return results;
  },
});
