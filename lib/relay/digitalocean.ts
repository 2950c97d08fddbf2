/** The DigitalOcean DERP relay (loads the DigitalOcean provider only). */
export * from './common';
export { DigitalOceanDerpRelay, DIGITALOCEAN_USER_DATA_LIMIT_BYTES, MAX_AUTH_KEY_EXPIRY_SECONDS } from './digitalocean-derp-relay';
export type { DigitalOceanDerpRelayProps } from './digitalocean-derp-relay';
