/** The pause reason of a spent budget: shown to the agent, and how the activity feed tells it apart. */
export const BUDGET_REACHED_REASON = 'Budget reached: raise the limit and resume';
