/** Monitoring on DigitalOcean: the server and droplet health alerts (loads the DigitalOcean provider only). */
export * from './common';
export * from './digitalocean-monitoring';
export * from './droplet-health-alerts';
