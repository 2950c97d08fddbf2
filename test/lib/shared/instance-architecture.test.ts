/** One architecture rule (lib/validate) for every EC2 construct: AwsDerpRelay and AwsMonitoring refuse alike. */
import { architectureOf as fromRelay } from '../../../lib/relay';
import { AMI_ARCHITECTURE, architectureOf, checkInstanceArchitecture, PropValidator } from '../../../lib/validate';
import { ConstructConfigError } from '../../../lib/errors';
import { Construct } from 'constructs';

class TestError extends ConstructConfigError {
  constructor(constructPath: string, prop: string, value: unknown, reason: string, constructKind: string) {
    super({ constructKind, constructPath, prop, value, reason });
  }
}

const validator = () => new PropValidator(new Construct(undefined as never, 'x'), 'Thing', TestError);

describe('architectureOf (lib/validate)', () => {
  test.each([
    ['t4g.small', 'arm64'],
    ['m7g.medium', 'arm64'],
    ['c7gn.large', 'arm64'],
    ['x2gd.xlarge', 'arm64'],
    ['is4gen.large', 'arm64'],
    ['g5g.xlarge', 'arm64'],
    ['a1.medium', 'arm64'],
    ['t3.small', 'amd64'],
    ['m7i.large', 'amd64'],
    ['g4dn.xlarge', 'amd64'],
    ['c5n.large', 'amd64'],
  ])('%s is %s', (type, arch) => {
    expect(architectureOf(type)).toBe(arch);
  });

  test('the relay module re-exports the same function (where it was first published)', () => {
    expect(fromRelay).toBe(architectureOf);
    expect(AMI_ARCHITECTURE).toEqual({ amd64: 'x86_64', arm64: 'arm64' });
  });

  test('checkInstanceArchitecture refuses the other architecture, naming both props', () => {
    const v = validator();
    expect(() => checkInstanceArchitecture(v, 'instanceType', 't4g.small', 'arm64', 'amiArchitecture', true)).not.toThrow();
    expect(() => checkInstanceArchitecture(v, 'instanceType', 't3.small', 'x86_64', 'amiArchitecture', false)).not.toThrow();
    expect(() => checkInstanceArchitecture(v, 'props.instanceType', 't4g.small', 'x86_64', 'props.amiArchitecture', true)).toThrow(
      /^Thing 'x': props\.instanceType "t4g\.small" is an arm64 instance type, but the AMI is x86_64 \(props\.amiArchitecture, default\); use an x86_64 type \('t3\.small', 'm7i\.large'\) or an arm64 AMI with props\.amiArchitecture: 'arm64'/,
    );
    expect(() => checkInstanceArchitecture(v, 'instanceType', 'm5.large', 'arm64', 'amiArchitecture', false)).toThrow(
      /instanceType "m5\.large" is an x86_64 instance type, but the AMI is arm64 \(amiArchitecture\); use an arm64 type \(Graviton/,
    );
  });
});
