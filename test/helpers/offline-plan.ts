/**
 * Plan a synthesized stack offline: copy its directory, add the AWS provider's offline switches (no
 * credential check, no account lookup, no metadata service) to every AWS provider block of the copy,
 * then terraform init + validate + plan + show -json. The synthesized stack itself stays as it was.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { initValidatePlan, type TerraformSetup } from './terraform';

export function planOffline(setup: TerraformSetup, stackDir: string): any {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-plan-'));
  fs.cpSync(stackDir, dir, { recursive: true });
  const file = path.join(dir, 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  const aws = json.provider?.aws;
  for (const config of Array.isArray(aws) ? aws : aws ? [aws] : []) {
    Object.assign(config, { skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: 'true' });
  }
  // A local backend path inside the copy, so no state is written next to the real output.
  if (json.terraform?.backend?.local) json.terraform.backend.local.path = path.join(dir, 'terraform.tfstate');
  fs.writeFileSync(file, JSON.stringify(json));
  try {
    return initValidatePlan(setup, dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
