export * from './provider';
export * from './acl';
export * from './tailnet-key';
