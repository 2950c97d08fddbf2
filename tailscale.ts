/** cdktf-guardrails for the tailnet alone: the engine, the tailnet policy, the fleet and the tailscale bindings. */
export * from './core';
