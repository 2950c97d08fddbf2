/**
 * Every construct the package exports, in the order docs/constructs.md documents them: written down here,
 * apart from the generator's own list, so the tests compare the package and its reference with an
 * expectation rather than with themselves.
 */
export const EXPORTED_CONSTRUCTS: readonly string[] = [
  'AwsDerpRelay',
  'DigitalOceanDerpRelay',
  'DerpFleet',
  'AwsMonitoring',
  'DigitalOceanMonitoring',
  'Monitoring',
  'Ec2StatusCheckAlarm',
  'DropletHealthAlerts',
  'AlertTopic',
  'SecretStore',
  'NodeJoinKey',
  'TailnetPolicy',
  'TailscaleProvider',
  'TailscaleAcl',
  'TailscaleTailnetKey',
  'TailscaleTailnetSettings',
  'TailscaleDeviceKey',
];
