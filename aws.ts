/** cdktf-guardrails for AWS: the engine, the AWS constructs and the cloud-neutral ones (AWS provider only). */
export * from './core';
export * from './lib/relay/aws';
export * from './lib/secrets';
export * from './lib/monitoring/aws';
