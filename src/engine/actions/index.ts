// The standard actions, registered once: every action with rules of its own. Any other action
// a grammar line makes (a story's own verb, or a verb with only a default reply) is reply-only.
import { registerActions, standardRuleNames } from './pipeline.js';
import { THING_ACTIONS } from './things.js';
import { PEOPLE_ACTIONS } from './people.js';
import { LOOKING_ACTIONS } from './looking.js';
import { MOVING_ACTIONS } from './moving.js';

registerActions([...THING_ACTIONS, ...PEOPLE_ACTIONS, ...LOOKING_ACTIONS, ...MOVING_ACTIONS]);

/** Every standard rule's name (`take.check.portable`), for `off:` in content/grammar.yaml. */
export const STANDARD_RULE_NAMES: ReadonlySet<string> = standardRuleNames();

export { perform, actionFor, type Act, type ActionDef, type AnyAction } from './pipeline.js';
