/** `list`: every lab the CLI can run, with its variants, parameters and scenarios. */
import { parseCommandLine } from '../args';
import type { Command } from '../command';
import { EXIT_OK } from '../errors';
import { catalogue } from '../catalogue';
import { allParams } from '../../src/runtime/runnableLab';
import type { LabDefinition } from '../../src/labs/contract/lab';
import { describeSpec } from '../../src/sim/params';

const help = `Usage: npm run sim -- list

Prints every lab: its one-line summary, variants, parameters (with ranges and defaults; the
network ones apply to every lab) and scenarios (for run --scenario).
`;

export function describeLab(lab: LabDefinition): string {
  const lines = [`${lab.id} — ${lab.title}`, `  ${lab.summary}`, `  variants: ${lab.variants.join(', ')}`, '  parameters (--param NAME=VALUE):'];
  for (const spec of allParams(lab)) lines.push(`    ${describeSpec(spec)}`);
  if (lab.scenarios.length === 0) lines.push('  scenarios: none');
  else lines.push('  scenarios (--scenario ID):');
  for (const s of lab.scenarios) lines.push(`    ${s.id} — ${s.title} (${s.variant}, seed ${s.seed}, until ${s.untilMs} ms, ${s.actions.length} actions)`);
  return lines.join('\n') + '\n';
}

export const listCommand: Command = {
  name: 'list',
  summary: 'list labs, variants, parameters and scenarios',
  help,
  run(argv, io) {
    const { values } = parseCommandLine({ args: [...argv], options: { help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }, 'list');
    if (values.help === true) io.out(help);
    else io.out(catalogue.labs.map(describeLab).join('\n'));
    return Promise.resolve(EXIT_OK);
  },
};
