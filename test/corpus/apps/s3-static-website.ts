/**
 * A static website: an S3 bucket with a website configuration and a public-read bucket policy, behind a
 * CloudFront distribution with the default certificate whose origin is the bucket's website endpoint.
 *
 * Shaped after cdktf/cdktf-integration-serverless-example (frontend/index.ts): `S3BucketWebsiteConfiguration`
 * on a prefixed bucket, a bucket policy letting anyone `s3:GetObject`, and CloudFront reaching
 * `websiteEndpoint` with `originProtocolPolicy: 'http-only'` (a website endpoint has no HTTPS) while viewers
 * are redirected to HTTPS. Unlike that file, the bucket's public access block is written out (all four
 * settings off), as a public-read policy has needed since S3 blocked public policies by default in 2023.
 * Our own code, written for this corpus.
 */
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketWebsiteConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-website-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';

class StaticWebsiteStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'us-east-1' });

    const bucket = new S3Bucket(this, 'www', { bucketPrefix: 'www-example-' });
    const website = new S3BucketWebsiteConfiguration(this, 'www-website', {
      bucket: bucket.bucket,
      indexDocument: { suffix: 'index.html' },
      errorDocument: { key: '404.html' },
    });
    const publicAccess = new S3BucketPublicAccessBlock(this, 'www-public-access', {
      bucket: bucket.id,
      blockPublicAcls: false,
      blockPublicPolicy: false,
      ignorePublicAcls: false,
      restrictPublicBuckets: false,
    });
    new S3BucketPolicy(this, 'www-policy', {
      bucket: bucket.id,
      dependsOn: [publicAccess],
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'PublicReadGetObject', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `${bucket.arn}/*` }],
      }),
    });

    const cdn = new CloudfrontDistribution(this, 'www-cdn', {
      enabled: true,
      comment: 'static website',
      defaultRootObject: 'index.html',
      origin: [
        {
          originId: 'website',
          domainName: website.websiteEndpoint,
          customOriginConfig: { originProtocolPolicy: 'http-only', httpPort: 80, httpsPort: 443, originSslProtocols: ['TLSv1.2'] },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'website',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        forwardedValues: { queryString: false, cookies: { forward: 'none' } },
      },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    });
    new TerraformOutput(this, 'url', { value: `https://${cdn.domainName}` });
  }
}

export function buildS3StaticWebsite(app: App): void {
  new StaticWebsiteStack(app, 'static-website');
}
