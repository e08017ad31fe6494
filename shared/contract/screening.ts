// Channels of the screening workflow (issue 4): batches, review queue, deadlines, profiles, dashboard.
export const screeningContract = {} as const;
