/** App Platform environment variables that hold secrets are of type SECRET, so the app spec does not show them. */
import { defineRule } from '../../engine/rule';
import { notApplicable, pass, unknown, unknownValue, violation } from '../../engine/results';
import type { CheckResult } from '../../engine/types';
import { describeExpression, isExpression, stringAttr, type BlockOccurrence } from '../../engine/values';
import { analyseUserData } from '../common/user-data/analyse';
import { forEachBlock } from '../common/shapes';

/** Components of an app spec that take their own `env` blocks. */
const COMPONENTS = ['service', 'worker', 'job', 'static_site', 'function'] as const;

/** Variable names that say their value is a secret. */
const SECRET_SOUNDING =
  /(?:password|passwd|secret|token|api_?key|auth_?key|access_?key|private_?key|credential|(?:database|db|redis|mongo|postgres|mysql)_?ur[il]$|dsn$)/i;

export const doAppEnvSecretsTyped = defineRule({
  id: 'do-app-env-secrets-typed',
  title: 'App Platform environment variables holding secrets are of type SECRET',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['digitalocean_app'],
  rationale:
    'An App Platform env var of type GENERAL (the default) is stored and shown in plain text: in the app ' +
    'spec, the control panel and every API or doctl answer about the app, to anyone on the team with read ' +
    'access. `type = "SECRET"` encrypts the value and never shows it again. Reported: literal secrets ' +
    '(well-known key formats, high-entropy values under names such as *_TOKEN or *_PASSWORD) and references to ' +
    "secret-bearing attributes (a database cluster's `uri` or `password`, a `random_password`) in a variable " +
    "that is not SECRET. A value from a variable or function is unknown when the variable's name sounds " +
    'like a secret, and not judged otherwise.',
  fix: 'Set `type = "SECRET"` on the env block, and pass the value from a sensitive variable or secret store rather than a literal; rotate a secret that was in plain text.',
  references: {
    docs: [
      'https://docs.digitalocean.com/products/app-platform/how-to/use-environment-variables/',
      'https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/app',
    ],
  },
  examples: {
    failing: {
      resourceType: 'digitalocean_app',
      body: { spec: [{ name: 'api', region: 'ams', service: [{ name: 'api', env: [{ key: 'STRIPE_API_KEY', value: 'q8Zr2LmX9vT4pWn7KsD3' }] }] }] },
    },
    passing: {
      resourceType: 'digitalocean_app',
      body: {
        spec: [{ name: 'api', region: 'ams', service: [{ name: 'api', env: [{ key: 'STRIPE_API_KEY', value: '${var.stripe_api_key}', type: 'SECRET' }] }] }],
      },
    },
  },
  check(app) {
    const results = forEachBlock(app.body, 'spec', (spec) => [
      ...forEachBlock(spec.body, 'env', (env) => checkEnv(env, `spec.${env.path}`)),
      ...COMPONENTS.flatMap((kind) =>
        forEachBlock(spec.body, kind, (component) => forEachBlock(component.body, 'env', (env) => checkEnv(env, `spec.${component.path}.${env.path}`))),
      ),
    ]);
    return results.length > 0 ? results : notApplicable('no environment variables');
  },
});

function checkEnv(env: BlockOccurrence, path: string): CheckResult {
  const type = stringAttr(env.body, 'type');
  if (type.state === 'known' && type.value.toUpperCase() === 'SECRET') return pass(`${path} is a SECRET`, `${path}.type`);
  const raw = env.body.value;
  if (raw === undefined || raw === null) return pass(`${path} has no value`, `${path}.value`);
  const value = stringAttr(env.body, 'value');
  const text = value.state === 'known' ? value.value : value.state === 'unknown' ? value.expression : '';
  const key = stringAttr(env.body, 'key');
  const name = key.state === 'known' && !isExpression(key.value) ? key.value : undefined;
  // An unknown name may be any name: judge the value as if it were a secret's.
  const found = analyseUserData(`${name ?? 'SECRET'}=${text}`, 'text', () => undefined);
  const shownType = type.state === 'known' ? type.value : 'unset (GENERAL)';
  if (found.secrets.length > 0) {
    if (type.state === 'unknown') return unknownValue(`${path}.type`, type);
    if (name === undefined)
      return unknown(`${path} holds ${found.secrets[0]} if its key (${describeExpression(String(env.body.key))}) names a secret`, `${path}.key`);
    return violation(`${path} (${name}) holds ${found.secrets[0]}, but its type is ${shownType}: it is shown in plain text`, `${path}.type`);
  }
  const secretName = SECRET_SOUNDING.test(name ?? 'secret') || SECRET_SOUNDING.test(text);
  if (found.unknowns.length > 0 && secretName) {
    if (type.state === 'unknown') return unknownValue(`${path}.type`, type);
    return unknown(
      `${path} (${name ?? describeExpression(String(env.body.key))}) sounds like a secret and its type is ${shownType}; ${found.unknowns[0]}`,
      `${path}.value`,
    );
  }
  return pass(`${path} holds no secret that can be seen`, `${path}.value`);
}
