/** "42%", or "—" where there is nothing to measure yet (no follow-up was due). */
export const percent = (rate: number | null | undefined) => (rate === null || rate === undefined ? "—" : `${Math.round(rate * 100)}%`);
