/** DERP relay constructs (AWS, DigitalOcean) and the network posture they share. */
export * from './aws';
export * from './digitalocean';
