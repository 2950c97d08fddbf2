import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';

process.env.CDKTF_GUARDRAILS_QUIET = '1';

/** A fresh App writing into its own temporary outdir. */
export function testApp(options: { skipValidation?: boolean; hclOutput?: boolean } = {}): App {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'guardrails-test-'));
  return new App({ outdir, ...options });
}

/** A stack with an AWS provider (and optionally DigitalOcean). */
export function awsStack(app: App, id = 'main', opts: { digitalocean?: boolean; defaultTags?: Record<string, string> } = {}): TerraformStack {
  const stack = new TerraformStack(app, id);
  new AwsProvider(stack, 'aws', {
    region: 'eu-west-1',
    ...(opts.defaultTags ? { defaultTags: [{ tags: opts.defaultTags }] } : {}),
  });
  if (opts.digitalocean) new DigitaloceanProvider(stack, 'do', {});
  return stack;
}

export function stackFile(app: App, stack: string): string {
  return path.join(app.outdir, 'stacks', stack, 'cdk.tf.json');
}

export function readReport(app: App): any {
  return JSON.parse(fs.readFileSync(path.join(app.outdir, 'guardrails', 'report.json'), 'utf8'));
}

/** Run synth and return the thrown error (or undefined). */
export function synthError(app: App): any {
  try {
    app.synth();
    return undefined;
  } catch (e) {
    return e;
  }
}
