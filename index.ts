/**
 * cdktf-guardrails: security guardrails and hardened constructs for CDK for Terraform, for both clouds.
 * Teams on one cloud can import 'cdktf-guardrails/aws' or 'cdktf-guardrails/digitalocean' instead, which
 * load only that cloud's provider package ('cdktf-guardrails/tailscale': none). Deep provider imports only.
 */
export * from './core';
export * from './lib/relay';
export * from './lib/secrets';
export * from './lib/monitoring';
