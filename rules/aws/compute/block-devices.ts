/**
 * Which EBS volumes an instance, spot request, launch configuration or launch template gets, and whether
 * each is encrypted, including the root volume it gets implicitly from its AMI or launch template.
 */
import type { RuleContext } from '../../../engine/rule';
import { pass, unknown, unknownValue, violation } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import {
  blockPresence,
  blocks,
  boolAttr,
  describeExpression,
  isNo,
  isYes,
  known,
  map,
  maybe,
  orDefault,
  referencedAddress,
  stringAttr,
  type Answer,
  type BlockOccurrence,
  type Unknown,
} from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { launchTemplateOf } from './launch-template';

/** `attribute` must be true; unset or false is a violation, an expression unknown. */
export function requireTrue(body: JsonObject, attribute: string, what: string, path = attribute): CheckResult {
  const value = boolAttr(body, attribute);
  if (value.state === 'unknown') return unknownValue(path, value);
  if (value.state === 'known' && value.value) return pass(`${what} is encrypted`, path);
  return violation(`${what} is not encrypted (${path} is ${value.state === 'absent' ? 'unset' : 'false'})`, path);
}

/** aws_instance, aws_spot_instance_request, aws_launch_configuration: the root volume and every EBS block device. */
export function instanceDisks(resource: ResourceRecord, context: RuleContext): CheckResult[] {
  const results = forEachBlock(
    resource.body,
    'root_block_device',
    (block) => requireTrue(block.body, 'encrypted', 'the root volume', `${block.path}.encrypted`),
    () => implicitRoot(resource, context),
  );
  // A block from a snapshot inherits the snapshot's encryption, but only an explicit flag can be verified.
  results.push(
    ...forEachBlock(resource.body, 'ebs_block_device', (block) =>
      requireTrue(block.body, 'encrypted', `the EBS volume ${block.path}`, `${block.path}.encrypted`),
    ),
  );
  return results;
}

/**
 * No root_block_device: the root volume comes from the launch template (if one is used and it is in this
 * stack, its mappings decide) or from the AMI, unencrypted unless the AMI's snapshot is.
 */
function implicitRoot(resource: ResourceRecord, context: RuleContext): CheckResult {
  const source = launchTemplateOf(resource, context);
  if (source.state === 'unknown')
    return unknown(`the root volume comes from a launch template that cannot be checked: ${source.expression}`, 'launch_template');
  if (source.state === 'known') {
    const lt = source.value;
    // The instance's own `ami` overrides the template's image_id, and with it the root device name.
    const image = resource.body.ami ?? lt.body.image_id;
    const bad = launchTemplateDisks(lt.body, context, image).find((r) => r.status !== 'pass');
    return bad ? { ...bad, message: `root volume from ${lt.address}: ${bad.message}` } : pass(`root volume encrypted by ${lt.address}`);
  }
  return violation(
    "the root volume is not encrypted (no root_block_device: it takes the AMI's default, unencrypted unless the AMI's snapshot is)",
    'root_block_device',
  );
}

/**
 * A launch template: every mapped EBS volume is encrypted, and one mapping is the AMI's root device. A
 * template that maps only data devices leaves the root volume to the AMI: a violation, as a template with
 * no mappings is. A mapping whose device name is unset or an expression may or may not be the root: unknown.
 */
export function launchTemplateDisks(body: JsonObject, context: RuleContext, image: unknown = body.image_id): CheckResult[] {
  const mappings = blocks(body, 'block_device_mappings');
  if (mappings.unknownExpression) return [unknown(`block_device_mappings is ${describeExpression(mappings.unknownExpression)}`, 'block_device_mappings')];
  const results: CheckResult[] = [];
  for (const mapping of mappings.occurrences) {
    const ebs = blocks(mapping.body, 'ebs');
    if (ebs.unknownExpression) results.push(unknown(`${mapping.path}.ebs is ${describeExpression(ebs.unknownExpression)}`, `${mapping.path}.ebs`));
    for (const e of ebs.occurrences) {
      results.push(requireTrue(e.body, 'encrypted', `the volume in ${mapping.path}`, `${mapping.path}.${e.path}.encrypted`));
    }
  }
  results.push(rootMapping(mappings.occurrences, rootDeviceNames(image, context)));
  return results;
}

/** Device names without the `/dev/` prefix, which AWS accepts either way. */
const normalise = (name: string) => name.trim().replace(/^\/dev\//, '');

/** The root device names of AWS's own AMIs and the major distributions' (Amazon Linux, Ubuntu, Debian, RHEL…). */
const CONVENTIONAL_ROOT_DEVICES = ['xvda', 'sda1'];

/**
 * The AMI's root device name: exact when the image is an aws_ami in this stack, otherwise the conventional
 * ones (a mapping for /dev/xvda or /dev/sda1 is taken to be the root: which of the two an AMI uses is not
 * visible here). Undefined when the aws_ami's root_device_name is an expression.
 */
function rootDeviceNames(image: unknown, context: RuleContext): readonly string[] | undefined {
  const address = referencedAddress(image);
  const ami = address ? context.resourceAt(address) : undefined;
  if (ami?.type !== 'aws_ami') return CONVENTIONAL_ROOT_DEVICES;
  const name = stringAttr(ami.body, 'root_device_name');
  const roots = orDefault(
    map(name, (n) => [normalise(n)]),
    CONVENTIONAL_ROOT_DEVICES,
  );
  return roots.state === 'known' ? roots.value : undefined;
}

/** Whether a mapping is the AMI's root device: yes, no, or unknown (why) when its name or the AMI's is not known. */
function isRoot(mapping: BlockOccurrence, roots: readonly string[] | undefined): Answer {
  if (roots === undefined) return maybe("the AMI's root_device_name is not known");
  const device = stringAttr(mapping.body, 'device_name');
  return device.state === 'known' ? known(roots.includes(normalise(device.value))) : maybe('its device_name is not known');
}

/** Whether the mappings replace the AMI's root volume (its encryption is checked with the other volumes). */
function rootMapping(mappings: readonly BlockOccurrence[], roots: readonly string[] | undefined): CheckResult {
  const answers = mappings.map((m) => ({ mapping: m, answer: isRoot(m, roots) }));
  const root = answers.find((a) => isYes(a.answer) && a.mapping.mayBeNone === undefined);
  if (root) {
    // A root mapping without an ebs block keeps the AMI snapshot's settings.
    const ebs = blockPresence(blocks(root.mapping.body, 'ebs'));
    if (ebs.state === 'unknown') return unknown(`${root.mapping.path}.ebs is ${describeExpression(ebs.expression)}`, `${root.mapping.path}.ebs`);
    return ebs.value
      ? pass(`${root.mapping.path} is the root device`)
      : violation(`${root.mapping.path} maps the root device without an ebs block: the root volume keeps the AMI's default encryption`, root.mapping.path);
  }
  if (mappings.length === 0) {
    return violation(
      "no block_device_mappings: instances get the AMI's default root volume, unencrypted unless the AMI's snapshot is",
      'block_device_mappings',
    );
  }
  const doubt = answers.find((a) => !isNo(a.answer));
  if (doubt) {
    const why =
      doubt.mapping.mayBeNone !== undefined
        ? `it comes from a dynamic block whose for_each (${describeExpression(doubt.mapping.mayBeNone)}) may be empty`
        : (doubt.answer as Unknown).expression;
    return unknown(
      `whether ${doubt.mapping.path} maps the root device is not known (${why}); otherwise the root volume is the AMI's default`,
      `${doubt.mapping.path}.device_name`,
    );
  }
  return violation(
    `block_device_mappings map only data devices (${answers.map((a) => String(a.mapping.body.device_name)).join(', ')}): the root volume is the AMI's default, unencrypted unless the AMI's snapshot is`,
    'block_device_mappings',
  );
}
