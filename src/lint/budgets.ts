// Description budgets: every session pays for every skill's description.

/** Characters of `description` (+ `when_to_use`) one skill may use. */
export const DESCRIPTION_BUDGET_PER_SKILL = 400;
/** Characters all skills of the plugin may use together (eight skills ship). */
export const DESCRIPTION_BUDGET_TOTAL = 2800;
/** The Agent Skills limit on `description`. */
export const DESCRIPTION_MAX_CHARS = 1024;
/** The Agent Skills limit on `name`. */
export const NAME_MAX_CHARS = 64;
