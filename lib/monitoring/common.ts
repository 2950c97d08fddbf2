/** What the monitoring server is made of, whatever cloud it runs on (loads no provider package). */
export type { MonitoringBaseProps } from './model';
export { DERPER_METRICS_PORT } from './model';
export { MonitoringAlarmError } from './alarm-error';
export * from './access';
export * from './alert-rules';
export * from './blackbox-config';
export * from './cloud-init';
export * from './prometheus-config';
export * from './stun-probe';
export * from './refresh-config';
export * from './targets';
export { toYaml } from './yaml';
export * from './alertmanager-config';
export * from './derpprobe';
export * from './relay-versions';
