/**
 * The one error type that ends reading early (an input path that does not exist, a configuration
 * file that cannot be read or has problems), with a message already in the user's language, and
 * the short reason of a file system error. The CLI turns an `InputError` into exit status 2; the
 * server shows it as a problem of the configuration.
 */

export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** A short reason for a file system error, without the path the caller already shows. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    const first = error.message.split('\n')[0];
    // Node's fs messages look like "EACCES: permission denied, open '/x/y'": drop the path part.
    if (code && first.startsWith(`${code}:`)) return first.replace(/, \w+ '.*'$/, '');
    return first;
  }
  return String(error);
}
