/**
 * An EC2 instance type's CPU architecture, and the check every EC2 construct makes with it: the AMI is pinned
 * by id (no lookup, so stacks plan offline), so its architecture is stated as a prop, and an instance type of
 * the other architecture is refused at construction instead of becoming an instance that cannot boot.
 * One definition for AwsDerpRelay and AwsMonitoring.
 */
import type { Architecture } from '../boot/versions';
import { AWS_INSTANCE_TYPE, type PropValidator } from './index';

/** An AMI's architecture, as EC2 spells it. */
export type AmiArchitecture = 'arm64' | 'x86_64';

/** EC2 spelling of each Debian/Go architecture. */
export const AMI_ARCHITECTURE: Readonly<Record<Architecture, AmiArchitecture>> = { amd64: 'x86_64', arm64: 'arm64' };

/**
 * The architecture of an instance type's family. Graviton families have a `g` in the suffix after the
 * generation digit (t4g, m7g, c7gn, x2gd, g5g, is4gen); a1 is the first Graviton. Everything else is x86_64.
 */
export function architectureOf(instanceType: string): Architecture {
  const m = AWS_INSTANCE_TYPE.pattern.exec(instanceType);
  if (!m) return 'amd64';
  return m[3].includes('g') || `${m[1]}${m[2]}` === 'a1' ? 'arm64' : 'amd64';
}

/**
 * Refuses `instanceType` when its architecture is not `amiArchitecture`'s, naming `prop` (the instance type
 * prop) and `amiProp` (the architecture prop, marked `default` when the caller did not set it).
 */
export function checkInstanceArchitecture(
  v: PropValidator,
  prop: string,
  instanceType: string,
  amiArchitecture: AmiArchitecture,
  amiProp: string,
  amiDefaulted: boolean,
): void {
  const typeArchitecture = AMI_ARCHITECTURE[architectureOf(instanceType)];
  if (typeArchitecture === amiArchitecture) return;
  v.fail(
    prop,
    instanceType,
    `is an ${typeArchitecture} instance type, but the AMI is ${amiArchitecture} (${amiProp}${amiDefaulted ? ', default' : ''}); ` +
      `use an ${amiArchitecture} type (${amiArchitecture === 'arm64' ? "Graviton: 't4g.small', 'm7g.medium'" : "'t3.small', 'm7i.large'"}) or an ${typeArchitecture} AMI with ${amiProp}: '${typeArchitecture}'`,
  );
}
