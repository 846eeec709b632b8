// The standard actions, registered once: every action with rules of its own. Any other action
// a grammar line makes (a story's own verb, or a verb with only a default reply) is reply-only.
import { registerActions, standardRuleNames } from './actions.js';
import { THING_ACTIONS } from './act-things.js';
import { PEOPLE_ACTIONS } from './act-people.js';
import { LOOKING_ACTIONS } from './act-looking.js';
import { MOVING_ACTIONS } from './act-moving.js';

registerActions([...THING_ACTIONS, ...PEOPLE_ACTIONS, ...LOOKING_ACTIONS, ...MOVING_ACTIONS]);

/** Every standard rule's name (`take.check.portable`), for `off:` in content/grammar.yaml. */
export const STANDARD_RULE_NAMES: ReadonlySet<string> = standardRuleNames();
