/** The AWS edge and serverless rules (CloudFront, WAF, Lambda, API Gateway, S3 policies for the web), in catalog order. */
import type { Rule } from '../../../engine/rule';
import { apigatewayCacheEncrypted } from './apigateway-cache-encrypted';
import { apigatewayDomainTls12 } from './apigateway-domain-tls12';
import { apigatewayMethodAuthorization } from './apigateway-method-authorization';
import { apigatewayNoDataTrace } from './apigateway-no-data-trace';
import { apigatewayStageWaf } from './apigateway-stage-waf';
import { apigatewayv2RouteAuthorization } from './apigatewayv2-route-authorization';
import { cloudfrontMinimumTls } from './cloudfront-minimum-tls';
import { cloudfrontOriginHttpsOnly } from './cloudfront-origin-https-only';
import { cloudfrontOriginTls12 } from './cloudfront-origin-tls12';
import { cloudfrontS3OriginAccess } from './cloudfront-s3-origin-access';
import { cloudfrontViewerHttps } from './cloudfront-viewer-https';
import { cloudfrontWaf } from './cloudfront-waf';
import { lambdaDeadLetterQueue } from './lambda-dead-letter-queue';
import { lambdaEnvironmentKms } from './lambda-environment-kms';
import { lambdaFunctionUrlAuth } from './lambda-function-url-auth';
import { lambdaFunctionUrlCors } from './lambda-function-url-cors';
import { lambdaNoSecretsInEnvironment } from './lambda-no-secrets-in-environment';
import { lambdaPermissionRestricted } from './lambda-permission-restricted';
import { lambdaRuntimeSupported } from './lambda-runtime-supported';
import { lambdaTracing } from './lambda-tracing';
import { s3CorsRestricted } from './s3-cors-restricted';
import { s3PolicyNoPublicPrincipal } from './s3-policy-no-public-principal';
import { s3WebsiteHttpOnly } from './s3-website-http-only';
import { wafv2WebAclNotEmpty } from './wafv2-web-acl-not-empty';

export const awsEdgeRules: readonly Rule[] = [
  cloudfrontViewerHttps,
  cloudfrontMinimumTls,
  cloudfrontOriginHttpsOnly,
  cloudfrontOriginTls12,
  cloudfrontS3OriginAccess,
  cloudfrontWaf,
  wafv2WebAclNotEmpty,
  apigatewayMethodAuthorization,
  apigatewayv2RouteAuthorization,
  apigatewayDomainTls12,
  apigatewayStageWaf,
  apigatewayCacheEncrypted,
  apigatewayNoDataTrace,
  lambdaRuntimeSupported,
  lambdaFunctionUrlAuth,
  lambdaFunctionUrlCors,
  lambdaPermissionRestricted,
  lambdaNoSecretsInEnvironment,
  lambdaEnvironmentKms,
  lambdaTracing,
  lambdaDeadLetterQueue,
  s3PolicyNoPublicPrincipal,
  s3CorsRestricted,
  s3WebsiteHttpOnly,
];
