// Channels of the referral letters (issue 5).
export const lettersContract = {} as const;
