/**
 * A fixed number of workers taking items in order from one list: at most `concurrency` calls of
 * `work` run at once. `stop` is asked before each item is taken; once it answers true no new item
 * starts (those running finish), and the items never started are counted in `notStarted`.
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<{ notStarted: number }> {
  let next = 0;
  let notStarted = 0;
  const worker = async () => {
    while (next < items.length) {
      if (stop()) {
        notStarted += items.length - next;
        next = items.length;
        return;
      }
      const index = next++;
      await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, concurrency), items.length) }, worker));
  return { notStarted };
}

/** `work` over `items`, at most `concurrency` at once, the results in the order of the items. */
export async function mapConcurrently<T, R>(items: readonly T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  await forEachConcurrently(items, concurrency, async (item, index) => {
    results[index] = await work(item);
  });
  return results;
}
