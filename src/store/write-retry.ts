/**
 * Redis refusing a write (maxmemory reached with noeviction, a failed disk save, a read-only
 * replica) is usually brief: the state change of an article is tried again a few times before
 * the error goes up. What still fails is found later by the reconciler (src/workers/reconciler.ts).
 */
const REFUSALS = /^(OOM|EXECABORT|MISCONF|READONLY|NOREPLICAS|BUSY|LOADING|TRYAGAIN)\b/;

function isWriteRefusal(error: unknown): boolean {
  return error instanceof Error && REFUSALS.test(error.message);
}

export interface WriteRetryOptions {
  /** @defaultValue 5 */
  attempts?: number;
  /** First pause; doubled each time. @defaultValue 100 */
  delayMs?: number;
}

export async function retryRefusedWrite<T>(write: () => Promise<T>, options: WriteRetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  let delay = options.delayMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (attempt >= attempts || !isWriteRefusal(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay *= 2;
    }
  }
}
