/**
 * A serverless posts app: an HTTP API on Lambda over a DynamoDB table in one stack, and its frontend (an S3
 * bucket served through its website endpoint, with CloudFront in front of it and of the API) in another.
 *
 * Shaped after cdktf/cdktf-multistack-serverless-example (main.ts, posts/storage.ts, posts/api/index.ts,
 * frontend/index.ts): one stack per concern and environment, the API endpoint handed to the frontend stack
 * by a cross-stack reference, a Lambda role with an inline DynamoDB policy and the managed basic-execution
 * policy, an HTTP API whose target is the function, a public-read bucket policy for the website endpoint, and
 * CloudFront reaching the website endpoint over HTTP (website endpoints speak nothing else) and the API over
 * HTTPS. Our own code, written for this corpus.
 */
import { App, Fn, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketWebsiteConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-website-configuration';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';

const REGION = 'eu-central-1';

class PostsStack extends TerraformStack {
  readonly apiEndpoint: string;

  constructor(scope: Construct, id: string, environment: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION });

    const table = new DynamodbTable(this, 'posts-table', {
      name: `posts-${environment}`,
      billingMode: 'PAY_PER_REQUEST',
      hashKey: 'pk',
      rangeKey: 'sk',
      attribute: [
        { name: 'pk', type: 'S' },
        { name: 'sk', type: 'S' },
      ],
    });

    const role = new IamRole(this, 'api-role', {
      name: `posts-api-${environment}`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } }],
      }),
      inlinePolicy: [
        {
          name: 'posts-table',
          policy: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: ['dynamodb:*'], Resource: table.arn }],
          }),
        },
      ],
    });
    new IamRolePolicyAttachment(this, 'api-logs', {
      role: role.name,
      policyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    });

    const fn = new LambdaFunction(this, 'api-function', {
      functionName: `posts-api-${environment}`,
      role: role.arn,
      handler: 'index.handler',
      runtime: 'nodejs20.x',
      s3Bucket: `posts-artifacts-${environment}`,
      s3Key: 'api.zip',
      environment: { variables: { TABLE_NAME: table.name } },
    });

    const api = new Apigatewayv2Api(this, 'http-api', {
      name: `posts-${environment}`,
      protocolType: 'HTTP',
      target: fn.arn,
      corsConfiguration: { allowOrigins: ['*'] },
    });
    new LambdaPermission(this, 'api-invoke', {
      functionName: fn.functionName,
      action: 'lambda:InvokeFunction',
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${api.executionArn}/*/*`,
    });

    this.apiEndpoint = api.apiEndpoint;
  }
}

class FrontendStack extends TerraformStack {
  constructor(scope: Construct, id: string, environment: string, apiEndpoint: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: REGION });

    const site = new S3Bucket(this, 'site', { bucketPrefix: `posts-frontend-${environment}` });
    const website = new S3BucketWebsiteConfiguration(this, 'site-website', {
      bucket: site.bucket,
      indexDocument: { suffix: 'index.html' },
      errorDocument: { key: 'index.html' },
    });
    new S3BucketPolicy(this, 'site-public-read', {
      bucket: site.id,
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Sid: 'WebsiteRead', Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`${site.arn}/*`] }],
      }),
    });

    const cdn = new CloudfrontDistribution(this, 'cdn', {
      enabled: true,
      defaultRootObject: 'index.html',
      origin: [
        {
          originId: 'website',
          domainName: website.websiteEndpoint,
          customOriginConfig: { originProtocolPolicy: 'http-only', httpPort: 80, httpsPort: 443, originSslProtocols: ['TLSv1.2'] },
        },
        {
          originId: 'api',
          domainName: Fn.replace(apiEndpoint, 'https://', ''),
          customOriginConfig: { originProtocolPolicy: 'https-only', httpPort: 80, httpsPort: 443, originSslProtocols: ['TLSv1.2'] },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'website',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['GET', 'HEAD'],
        cachedMethods: ['GET', 'HEAD'],
        forwardedValues: { queryString: false, cookies: { forward: 'none' } },
      },
      orderedCacheBehavior: [
        {
          pathPattern: '/posts',
          targetOriginId: 'api',
          viewerProtocolPolicy: 'redirect-to-https',
          allowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
          cachedMethods: ['GET', 'HEAD'],
          forwardedValues: { queryString: true, cookies: { forward: 'none' } },
        },
      ],
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      viewerCertificate: { cloudfrontDefaultCertificate: true },
    });
    new TerraformOutput(this, 'frontend-url', { value: `https://${cdn.domainName}` });
  }
}

export function buildServerlessPosts(app: App): void {
  const posts = new PostsStack(app, 'posts-dev', 'dev');
  new FrontendStack(app, 'frontend-dev', 'dev', posts.apiEndpoint);
}
