/** DERP relay constructs (AWS, DigitalOcean) and the network posture they share. */
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
export { DigitalOceanDerpRelay, DIGITALOCEAN_USER_DATA_LIMIT_BYTES, MAX_AUTH_KEY_EXPIRY_SECONDS } from './digitalocean-derp-relay';
export type { DigitalOceanDerpRelayProps } from './digitalocean-derp-relay';
export {
  ACME_HTTP_PORT,
  ANYWHERE_IPV4,
  ANYWHERE_IPV6,
  AWS_RELAY_OUTBOUND,
  DERP_PORT,
  DIGITALOCEAN_RELAY_OUTBOUND,
  DNS_TTL_SECONDS,
  RELAY_OUTBOUND_COMMON,
  STUN_PORT,
  relayInboundRules,
} from './network-policy';
export type { Protocol, RelayPortRule } from './network-policy';
export type { DerpRelayBaseProps } from './relay-props';
export { DerpRelayConfigError } from './validate';
