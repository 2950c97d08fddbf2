/** `npm run synth` / `cdktf synth`: the reference stacks, with every guardrail enforced. */
import { buildReferenceApp } from './app';

buildReferenceApp().app.synth();
