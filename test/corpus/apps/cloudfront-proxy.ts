/**
 * A CloudFront distribution proxying a custom domain to an existing HTTP site, with an ACM certificate
 * validated through Route 53, a regional WAF web ACL with a managed rule group, and an alias record.
 *
 * Shaped after hashicorp/terraform-cdk (examples/typescript/aws-cloudfront-proxy/main.ts): a second
 * `AwsProvider` aliased to us-east-1 for the certificate, the DNS validation record built from
 * `domainValidationOptions.get(0)`, an `AcmCertificateValidation`, a distribution whose custom origin is
 * reached `http-only` while viewers are redirected to HTTPS, caching with forwarded headers and cookies, and
 * a Route 53 alias to the distribution. Our own code, written for this corpus.
 */
import { App, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Wafv2WebAcl } from '@cdktf/provider-aws/lib/wafv2-web-acl';
import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { CloudfrontDistribution } from '@cdktf/provider-aws/lib/cloudfront-distribution';

const DOMAIN = 'www.example.org';
const ORIGIN = 'legacy.example.org';
const ZONE_ID = 'Z0123456789ABCDEFGHIJ';

class ProxyStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, 'aws', { region: 'eu-central-1' });
    const usEast1 = new AwsProvider(this, 'aws-us-east-1', { region: 'us-east-1', alias: 'us_east_1' });

    new Wafv2WebAcl(this, 'waf', {
      name: 'proxy-managed-rules',
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'proxy', sampledRequestsEnabled: true },
      rule: [
        {
          name: 'common',
          priority: 1,
          overrideAction: { count: {} },
          statement: { managedRuleGroupStatement: { name: 'AWSManagedRulesCommonRuleSet', vendorName: 'AWS' } },
          visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: 'common', sampledRequestsEnabled: true },
        },
      ],
    });

    const cert = new AcmCertificate(this, 'cert', { domainName: DOMAIN, validationMethod: 'DNS', provider: usEast1 });
    const validation = new Route53Record(this, 'cert-validation-record', {
      zoneId: ZONE_ID,
      name: cert.domainValidationOptions.get(0).resourceRecordName,
      type: cert.domainValidationOptions.get(0).resourceRecordType,
      records: [cert.domainValidationOptions.get(0).resourceRecordValue],
      ttl: 60,
      allowOverwrite: true,
    });
    new AcmCertificateValidation(this, 'cert-validation', { certificateArn: cert.arn, validationRecordFqdns: [validation.fqdn], provider: usEast1 });

    const cdn = new CloudfrontDistribution(this, 'proxy', {
      enabled: true,
      isIpv6Enabled: true,
      aliases: [DOMAIN],
      viewerCertificate: { acmCertificateArn: cert.arn, sslSupportMethod: 'sni-only', minimumProtocolVersion: 'TLSv1.2_2021' },
      restrictions: { geoRestriction: { restrictionType: 'none' } },
      origin: [
        {
          originId: 'legacy',
          domainName: ORIGIN,
          customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: 'http-only', originSslProtocols: ['TLSv1.2'] },
        },
      ],
      defaultCacheBehavior: {
        targetOriginId: 'legacy',
        viewerProtocolPolicy: 'redirect-to-https',
        allowedMethods: ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'],
        cachedMethods: ['GET', 'HEAD'],
        minTtl: 0,
        defaultTtl: 60,
        maxTtl: 86400,
        forwardedValues: { queryString: true, headers: ['Host', 'Accept-Language', 'Origin'], cookies: { forward: 'all' } },
      },
    });

    new Route53Record(this, 'alias', {
      zoneId: ZONE_ID,
      name: DOMAIN,
      type: 'A',
      alias: { name: cdn.domainName, zoneId: cdn.hostedZoneId, evaluateTargetHealth: true },
    });
    new TerraformOutput(this, 'distribution-domain', { value: cdn.domainName });
  }
}

export function buildCloudfrontProxy(app: App): void {
  new ProxyStack(app, 'cloudfront-proxy');
}
