/** The random faults of a fuzzed run of a lab: the kernel's common ones, and those the lab asks for. */
import type { Action } from '../../sim/actions';
import { faultPlan, type FaultIntensity } from '../../sim/faultPlan';
import { networkFromParams, type Params } from '../../sim/params';
import type { LabDefinition } from './lab';

export function labFaultPlan(lab: LabDefinition, run: { readonly seed: number; readonly params: Params; readonly untilMs: number; readonly intensity: FaultIntensity }): Action[] {
  const nodes = lab.topology(run.params).map((n) => n.id);
  return faultPlan({ seed: run.seed, nodes, untilMs: run.untilMs, intensity: run.intensity, network: networkFromParams(run.params), labFaults: lab.faults?.(run.params) });
}
