/** The error of the cloud-side health alarms (Ec2StatusCheckAlarm, DropletHealthAlerts). */
import { ConstructConfigError } from '../errors';

/** A prop of Ec2StatusCheckAlarm or DropletHealthAlerts is invalid. */
export class MonitoringAlarmError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind: string) {
    super({ constructKind, constructPath, prop, value, reason });
    this.name = 'MonitoringAlarmError';
  }
}
