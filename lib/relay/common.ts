/** What both relays share: ports, base props, the error (loads no provider package). */
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
