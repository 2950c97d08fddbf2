/**
 * What the relay constructs add to the shared prop validation (lib/validate): their error class and
 * their derpMap identity. The secret-reference and AWS-tag checks moved to lib/validate and are
 * re-exported here.
 */
import type { IConstruct } from 'constructs';
import { ConstructConfigError } from '../errors';
import { PropValidator } from '../validate';
import { validateAwsTags } from '../validate/aws-tags';
import { validateSecretReference, type AwsPartition, type ValidSecretReference } from '../validate/secret-reference';

export { PropValidator };

/** A relay prop is invalid. */
export class DerpRelayConfigError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind: string) {
    super({ constructKind, constructPath, prop, value, reason });
    this.name = 'DerpRelayConfigError';
  }
}

/** The validator of a relay construct: its errors are DerpRelayConfigErrors naming `kind` and the relay's path. */
export function relayValidator(scope: IConstruct, kind: string): PropValidator {
  return new PropValidator(scope, kind, DerpRelayConfigError);
}

/** The derpMap identity every relay carries. */
export interface DerpMapIdentity {
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly nodeName: string;
}

const REGION_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NODE_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;
// Printable, no quotes or backslashes: it ends up in JSON documents and dashboards.
const REGION_NAME = /^[A-Za-z0-9][A-Za-z0-9 ,.()/_-]{0,63}$/;

export function validateDerpMapIdentity(v: PropValidator, props: DerpMapIdentity): DerpMapIdentity {
  return {
    // 900-999 is the range Tailscale reserves for custom DERP regions.
    regionId: v.integer('regionId', props.regionId, 900, 999),
    regionCode: v.matching('regionCode', props.regionCode, REGION_CODE, "a lower-case code such as 'aws-fra' (a-z, 0-9, single '-' between parts)"),
    regionName: v.matching(
      'regionName',
      props.regionName,
      REGION_NAME,
      "a readable name such as 'AWS Frankfurt' (1-64 letters, digits, spaces and , . ( ) / _ -)",
    ),
    nodeName: v.matching('nodeName', props.nodeName, NODE_NAME, "a node name such as '900a' (1-63 of a-z, 0-9, '-', not starting with '-')"),
  };
}

export { validateAwsTags, validateSecretReference, type AwsPartition, type ValidSecretReference };
