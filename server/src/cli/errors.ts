/**
 * Exit statuses and the one error type that ends a command early. The statuses are a contract
 * (DESIGN.md): 0 when no finding reaches the --fail-on threshold, 1 when some do, 2 on a usage,
 * configuration or I/O error. A `CliError` carries a message already in the user's language.
 */

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export class CliError extends Error {
  /**
   * @param usage true for mistakes on the command line: the usage hint follows the message.
   */
  constructor(
    message: string,
    readonly usage: boolean,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
