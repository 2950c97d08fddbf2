/** Monitoring on AWS: the server, its status-check alarm and the alert topic (loads the AWS provider only). */
export * from './common';
export * from './aws-monitoring';
export * from './ec2-status-check-alarm';
export * from './alert-topic';
