/**
 * Waiting on conditions, never on the clock: `waitFor` polls a condition until it holds or a
 * deadline passes, and then fails with what it was waiting for. The end-to-end harness has no
 * sleeps; every wait goes through here or through Playwright's own condition waits.
 */

/** Polls `condition` (sync or async) every `intervalMs` until it returns a truthy value, which is returned. */
export async function waitFor(condition, { timeoutMs, what, intervalMs = 100 }) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError ? ` (last error: ${lastError.message ?? lastError})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Resolves when the child exits, or with undefined after `timeoutMs`. */
export function exitOf(child, timeoutMs) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}
