/**
 * How much user data each cloud accepts: the one definition, used by the relays (lib/boot, lib/relay) and
 * the monitoring server. The guardrail rules do not need it (they read user data of any size), so it
 * lives here rather than under rules/.
 */

/** EC2 refuses larger user data: 16 KiB, counted on the raw bytes before base64. */
export const AWS_USER_DATA_MAX_BYTES = 16384;

/** DigitalOcean refuses larger droplet user data (64 KiB). */
export const DIGITALOCEAN_USER_DATA_MAX_BYTES = 65536;
