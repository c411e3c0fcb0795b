/** An action's life: 'open' until the owner accepts it; 'cancelled' is final. */
export const ACTION_STATUSES = ['open', 'accepted', 'inProgress', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
