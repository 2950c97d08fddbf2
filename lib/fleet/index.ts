export * from './derp-fleet';
