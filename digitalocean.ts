/** cdktf-guardrails for DigitalOcean: the engine, its constructs and the cloud-neutral ones (DigitalOcean provider only). */
export * from './core';
export * from './lib/relay/digitalocean';
export * from './lib/monitoring/digitalocean';
