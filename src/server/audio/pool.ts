/**
 * Runs `work` on every item with at most `concurrency` at once (each job runs a program, so
 * the limit is the number of cores). Resolves with the results in the items' order; a job that
 * throws gives its error as its result instead of stopping the others.
 */
export async function runPool<Item, Result>(
  items: readonly Item[],
  concurrency: number,
  work: (item: Item, index: number) => Promise<Result>,
): Promise<(Result | Error)[]> {
  const results: (Result | Error)[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = await work(items[index]!, index);
      } catch (error) {
        results[index] = error instanceof Error ? error : new Error(String(error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
