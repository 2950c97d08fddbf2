/** HTTPS and TLS listeners negotiate TLS 1.2 or newer only. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknownValue, violation } from '../../../engine/results';
import { stringAttr } from '../../../engine/values';
import { LISTENER_TYPES, listenerProtocol } from './load-balancers';

/**
 * The predefined ELB security policies whose minimum protocol is TLS 1.2 (AWS "Security policies for your
 * Application/Network Load Balancer", 2025). Exact names, not prefixes: `ELBSecurityPolicy-TLS13-1-0-2021-06`
 * starts like a TLS 1.3 policy but still accepts TLS 1.0.
 */
export const MODERN_TLS_POLICIES: readonly string[] = [
  'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09',
  'ELBSecurityPolicy-TLS13-1-2-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  'ELBSecurityPolicy-TLS13-1-3-2021-06',
  'ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04',
  'ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04',
  'ELBSecurityPolicy-TLS-1-2-2017-01',
  'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  'ELBSecurityPolicy-FS-1-2-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2019-08',
  'ELBSecurityPolicy-FS-1-2-Res-2020-10',
];

/** What the provider (and the ELB API) use when ssl_policy is unset: it accepts TLS 1.0 and 1.1. */
const DEFAULT_POLICY = 'ELBSecurityPolicy-2016-08';
const RECOMMENDED = 'ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09';

export const lbModernTlsPolicy = defineRule({
  id: 'lb-modern-tls-policy',
  title: 'HTTPS and TLS listeners use a TLS 1.2+ security policy',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: LISTENER_TYPES,
  rationale:
    `TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and CBC constructions with known attacks ` +
    `and let a network attacker downgrade clients. An unset ssl_policy means ${DEFAULT_POLICY}, which still ` +
    'accepts both. Only the exact predefined policies whose minimum is TLS 1.2 pass.',
  fix: `Set \`ssl_policy = "${RECOMMENDED}"\` (or another policy listed in the rule's MODERN_TLS_POLICIES).`,
  references: {
    checkov: ['CKV_AWS_103', 'CKV2_AWS_74'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_103',
        kind: 'different',
        why: 'an allowlist of exact TLS 1.2+ policy names, not name prefixes (checkov passes ELBSecurityPolicy-TLS13-1-0-2021-06, which accepts TLS 1.0); plain HTTP listeners, which CKV_AWS_103 fails unless they redirect to HTTPS, are left to lb-listener-https',
      },
      {
        peer: 'checkov',
        check: 'CKV2_AWS_74',
        kind: 'stricter',
        why: 'an allowlist of TLS 1.2+ policies instead of a denylist of nine old ones: checkov passes e.g. ELBSecurityPolicy-FS-2018-06 and ELBSecurityPolicy-TLS13-1-1-2021-06, which still accept TLS 1.0/1.1',
      },
    ],
    docs: ['https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_lb_listener',
      body: {
        load_balancer_arn: 'arn:lb',
        port: 443,
        protocol: 'HTTPS',
        certificate_arn: 'arn:cert',
        default_action: { type: 'forward', target_group_arn: 'arn:tg' },
      },
    },
    passing: {
      resourceType: 'aws_lb_listener',
      body: {
        load_balancer_arn: 'arn:lb',
        port: 443,
        protocol: 'HTTPS',
        certificate_arn: 'arn:cert',
        ssl_policy: RECOMMENDED,
        default_action: { type: 'forward', target_group_arn: 'arn:tg' },
      },
    },
  },
  check(resource) {
    const protocol = listenerProtocol(resource);
    if (protocol.state === 'unknown') return unknownValue('protocol', protocol);
    if (protocol.value !== 'HTTPS' && protocol.value !== 'TLS') {
      return notApplicable('the listener does not terminate TLS');
    }
    const policy = stringAttr(resource.body, 'ssl_policy');
    if (policy.state === 'unknown') return unknownValue('ssl_policy', policy);
    const name = policy.state === 'known' ? policy.value : DEFAULT_POLICY;
    if (MODERN_TLS_POLICIES.includes(name)) return pass(`ssl_policy = ${name}`, 'ssl_policy');
    const shown = policy.state === 'known' ? `"${name}"` : `unset, which means ${DEFAULT_POLICY}`;
    return violation(`ssl_policy is ${shown}, which is not a TLS 1.2+ policy; use ${RECOMMENDED}`, 'ssl_policy');
  },
});
