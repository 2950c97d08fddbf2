/** Monitoring for both clouds (loads both providers; see aws.ts and digitalocean.ts for one). */
export * from './aws';
export * from './digitalocean';
export * from './monitoring';
