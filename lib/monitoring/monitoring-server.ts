/**
 * What every monitoring server construct shares, whatever its cloud: the model its props validate into (the
 * access model, the names) and the Prometheus, alert and blackbox configuration it renders, for review.
 * Each cloud's construct adds its own resources and its cloud-config.
 */
import { Construct } from 'constructs';
import type { PropValidator } from '../validate';
import type { TailnetAccess } from './access';
import { MonitoringModel, monitoringValidator, type MonitoringBaseProps } from './model';
import type { NodeTargets } from './targets';

export abstract class MonitoringServer extends Construct {
  /** The access model (which tag reaches which exporter ports). */
  public readonly access: TailnetAccess;
  /** The server's name (instance or droplet name, prefix of alarm and alert names). */
  public readonly name: string;
  /** The server's name on the tailnet. */
  public readonly tailnetHostName: string;

  protected readonly model: MonitoringModel;
  /** Names this construct's path and the prop in every error its props cause. */
  protected readonly validator: PropValidator;

  /** @param before checks that must fail before the model reads the props (the deprecated form's `cloud`). */
  protected constructor(scope: Construct, id: string, kind: string, props: MonitoringBaseProps, before?: (v: PropValidator) => void) {
    super(scope, id);
    this.validator = monitoringValidator(this, kind);
    before?.(this.validator);
    this.model = new MonitoringModel(this.validator, props);
    this.access = this.model.access;
    this.name = this.model.name;
    this.tailnetHostName = this.model.tailnetHostName;
  }

  /** What Prometheus watches per DERP node (read at synth). */
  public get targets(): NodeTargets[] {
    return this.model.targets;
  }

  public get prometheusConfig(): string {
    return this.model.prometheusConfig;
  }

  public get alertRules(): string {
    return this.model.alertRules;
  }

  public get blackboxConfig(): string {
    return this.model.blackboxConfig;
  }

  /** The cloud-config text, for review. */
  public abstract get cloudInit(): string;
}
