export type FirstRunProfile = { name: string | null; timeZone: string; headline: string | null; accomplishments: string[] };

/** Whether a client still lacks what their drafts are written from (a name, a headline, two accomplishments). */
export const needsFirstRunSetup = (profile: FirstRunProfile) =>
  !profile.name?.trim() || !profile.headline?.trim() || profile.accomplishments.filter((item) => item.trim()).length < 2;
