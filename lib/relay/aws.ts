/** The AWS DERP relay (loads the AWS provider only). */
export * from './common';
export {
  AwsDerpRelay,
  AWS_USER_DATA_LIMIT_BYTES,
  SSM_CORE_POLICY_NAME,
  architectureOf,
  ec2TrustPolicy,
  readAuthKeyPolicy,
  readSecretPolicy,
} from './aws-derp-relay';
export type { AmiArchitecture, AwsDerpRelayMesh, AwsDerpRelayProps, AwsDnsZone, AwsElasticIp, AwsExposureTag } from './aws-derp-relay';
