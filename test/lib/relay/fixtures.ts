/** Shared inputs and readers for the relay construct tests. */
import * as fs from 'fs';
import { gunzipSync } from 'zlib';
import { createHash } from 'crypto';
import { App, TerraformLocal, TerraformStack } from 'cdktf';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { AwsDerpRelay, AwsDerpRelayProps } from '../../../lib/relay/aws-derp-relay';
import { DigitalOceanDerpRelay, DigitalOceanDerpRelayProps } from '../../../lib/relay/digitalocean-derp-relay';
import { TailscaleProvider } from '../../../lib/tailscale/provider';
import { awsStack, stackFile, testApp } from '../../helpers/app';

export const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:join-keys/900a-??????';
export const KMS_KEY_ARN = 'arn:aws:kms:eu-west-1:123456789012:key/0123abcd-0123-4567-89ab-0123456789ab';
export const DEFAULT_TAGS = { owner: 'team-infra', environment: 'test' };
/** Not a real node exporter hash: the tests never download anything. */
export const VERSIONS = { nodeExporter: { sha256: 'a'.repeat(64) }, derperSha256: { arm64: 'b'.repeat(64), amd64: 'c'.repeat(64) } };

/** A real tailnet auth key looks like this; nothing synthesized may contain one. */
export const TAILNET_KEY_LITERAL = /tskey-(?:auth|client|api)-[A-Za-z0-9]+/;

export const awsProps = (): AwsDerpRelayProps => ({
  hostname: 'derp-fra-1.example.com',
  nodeName: '900a',
  regionId: 900,
  regionCode: 'aws-fra',
  regionName: 'AWS Frankfurt',
  vpcId: 'vpc-0123456789abcdef0',
  subnetId: 'subnet-0123456789abcdef0',
  amiId: 'ami-0123456789abcdef0',
  versions: VERSIONS,
  authKeySecret: { name: 'join-keys/900a', arn: SECRET_ARN, region: 'eu-west-1', kmsKeyArn: KMS_KEY_ARN },
});

export const doProps = (): DigitalOceanDerpRelayProps => ({
  hostname: 'derp-ams-1.example.com',
  nodeName: '901a',
  regionId: 901,
  regionCode: 'do-ams',
  regionName: 'DigitalOcean Amsterdam',
  region: 'ams3',
  sshKeys: ['41236812'],
  owner: 'team-infra',
  environment: 'test',
  versions: VERSIONS,
});

export function doStack(app: App, id = 'main'): TerraformStack {
  const stack = new TerraformStack(app, id);
  new DigitaloceanProvider(stack, 'do', {});
  new TailscaleProvider(stack, 'tailscale', {});
  return stack;
}

export interface Synthesized<R> {
  readonly app: App;
  readonly stack: TerraformStack;
  readonly relay: R;
  /** The stack's cdk.tf.json. */
  readonly json: any;
}

export function synthAws(overrides: Partial<AwsDerpRelayProps> = {}): Synthesized<AwsDerpRelay> {
  const app = testApp();
  const stack = awsStack(app, 'main', { defaultTags: DEFAULT_TAGS });
  const relay = new AwsDerpRelay(stack, 'relay', { ...awsProps(), ...overrides });
  app.synth();
  return { app, stack, relay, json: JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8')) };
}

export function synthDo(overrides: Partial<DigitalOceanDerpRelayProps> = {}): Synthesized<DigitalOceanDerpRelay> {
  const app = testApp();
  const stack = doStack(app);
  const relay = new DigitalOceanDerpRelay(stack, 'relay', { ...doProps(), ...overrides });
  app.synth();
  return { app, stack, relay, json: JSON.parse(fs.readFileSync(stackFile(app, 'main'), 'utf8')) };
}

/** The bodies of every resource of a type. */
export function resourcesOf(json: any, type: string): any[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of a type (fails when there are none or several). */
export function only(json: any, type: string): any {
  const found = resourcesOf(json, type);
  if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
  return found[0];
}

/** `${type.name.attr}` of the one resource of a type. */
export function ref(json: any, type: string, attribute: string): string {
  const names = Object.keys(json.resource?.[type] ?? {});
  if (names.length !== 1) throw new Error(`expected exactly one ${type}, found ${names.length}`);
  return `\${${type}.${names[0]}.${attribute}}`;
}

/** Every resource type in the stack. */
export function resourceTypes(json: any): string[] {
  return Object.keys(json.resource ?? {}).sort();
}

/** How a value (a token) appears in the synthesized JSON: through a local, which is neither a resource nor an output. */
export function synthesizedValue(stack: TerraformStack, app: App, value: unknown, id = 'probe'): unknown {
  new TerraformLocal(stack, id, value);
  app.synth();
  return JSON.parse(fs.readFileSync(stackFile(app, stack.node.id), 'utf8')).locals[id];
}

/** The cloud-init text of an aws_instance body (sent gzip-compressed in user_data_base64). */
export function userDataOf(instance: any): string {
  return gunzipSync(Buffer.from(instance.user_data_base64, 'base64')).toString('utf8');
}

/** Tags that do not compress (a deterministic pseudo-random stream), to exceed a gzip-measured limit. */
export function incompressibleTags(count: number): string[] {
  const word = (i: number) =>
    BigInt(`0x${createHash('sha256').update(String(i)).digest('hex')}`)
      .toString(36)
      .slice(0, 40);
  return Array.from({ length: count }, (_, i) => `tag:e${word(i)}`);
}

/** A resource body without cdktf's `//` metadata. */
export function withoutMetadata(body: any): any {
  const { '//': _metadata, ...rest } = body;
  return rest;
}
