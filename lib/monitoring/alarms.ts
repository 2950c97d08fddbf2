/**
 * Cloud-side health alarms: CloudWatch on EC2 status checks (ec2-status-check-alarm.ts), DigitalOcean
 * monitor alerts on droplets (droplet-health-alerts.ts). Kept as one import for existing users; import the
 * per-cloud files (or the per-cloud entry points) to load only one provider.
 */
export { MonitoringAlarmError } from './alarm-error';
export * from './ec2-status-check-alarm';
export * from './droplet-health-alerts';
