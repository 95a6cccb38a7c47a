// `copydesk ready-rules`: shows or switches the desk's ready rules (stored in
// the archive, so the app and every other user of the archive apply them too).
import { READY_RULE_NAMES, type ReadyRuleName, type ReadyRules } from '../../../shared/editing/readyRules.ts';
import { readReadyRules, writeReadyRules } from '../../archive/workflow/rules.ts';
import { type Command, type CommandContext, EXIT, printJson, stringOption, UsageError } from '../command.ts';

const OPTION: Readonly<Record<ReadyRuleName, string>> = { slugline: 'slugline', embargo: 'embargo', wireUrgency: 'wire-urgency' };
const MEANING: Readonly<Record<ReadyRuleName, string>> = {
  slugline: 'a slugline is present',
  embargo: 'no embargo that has passed is left unreleased',
  wireUrgency: 'wire copy (with a provider or item identity) has an urgency',
};

function change(ctx: CommandContext): Partial<ReadyRules> {
  const out: Partial<ReadyRules> = {};
  for (const name of READY_RULE_NAMES) {
    const value = stringOption(ctx, OPTION[name]);
    if (value === undefined) continue;
    if (value !== 'on' && value !== 'off') throw new UsageError(`--${OPTION[name]} takes on or off.`);
    out[name] = value === 'on';
  }
  return out;
}

export const readyRulesCommand: Command = {
  name: 'ready-rules',
  summary: 'Show or switch the desk rules checked before an article may go to ready',
  usage: 'copydesk ready-rules [--slugline on|off] [--embargo on|off] [--wire-urgency on|off]',
  options: Object.fromEntries(READY_RULE_NAMES.map((n) => [OPTION[n], { type: 'string', description: `on|off: ${MEANING[n]}` }])) as Command['options'],
  run(ctx) {
    const wanted = change(ctx);
    const db = ctx.archive().db;
    const rules = Object.keys(wanted).length > 0 ? writeReadyRules(db, wanted) : readReadyRules(db);
    if (ctx.json) printJson(ctx, { rules });
    else ctx.out(READY_RULE_NAMES.map((n) => `${rules[n] ? 'on ' : 'off'}  --${OPTION[n].padEnd(12)} ${MEANING[n]}`).join('\n'));
    return EXIT.ok;
  },
};
