export * from './provider';
export * from './acl';
export * from './tailnet-key';
export * from './tailnet-settings';
export * from './device-key';
