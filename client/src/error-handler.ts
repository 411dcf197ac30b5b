/**
 * What the client does when the language server crashes or its connection fails: restart it, at
 * most a few times in a short window, then give up and tell the user once, in their language, with
 * a way to read the log or try again. Owns the restart bookkeeping only; starting and stopping the
 * client is the server controller's job.
 */
import * as vscode from 'vscode';
import {
  CloseAction,
  CloseHandlerResult,
  ErrorAction,
  ErrorHandler,
  ErrorHandlerResult,
  Message,
} from 'vscode-languageclient/node';

/** How many crashes are forgiven, and over what window, before the server stays stopped. */
export interface RestartPolicy {
  /** Restarts allowed inside the window; the next crash gives up. */
  readonly maxRestarts: number;
  /** Length of the window, in milliseconds. */
  readonly windowMs: number;
}

/** The policy of vscode-languageclient's default handler: 4 restarts within 3 minutes. */
export const DEFAULT_RESTART_POLICY: RestartPolicy = { maxRestarts: 4, windowMs: 3 * 60 * 1000 };

/**
 * Restarts a crashed server within {@link RestartPolicy} limits. When it gives up it calls
 * `onGiveUp` once with a localized message (the caller shows it). Every result is marked handled,
 * so the language client only logs it instead of showing its own English notification.
 */
export class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  private gaveUp = false;

  constructor(
    private readonly onGiveUp: (message: string) => void,
    private readonly policy: RestartPolicy = DEFAULT_RESTART_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets past crashes, e.g. when the user restarts the server by hand. */
  reset(): void {
    this.restarts = [];
    this.gaveUp = false;
  }

  /**
   * A failed read or write. Only logged: when the server has died, a few writes fail before the
   * close is noticed (node IPC counts each failure twice, so the count says little), and `closed`
   * then decides about the restart. Shutting down here would skip that decision.
   */
  error(_error: Error, _message: Message | undefined, _count: number | undefined): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  /** The server went away: restart it unless it has crashed too often lately. */
  closed(): CloseHandlerResult {
    const now = this.now();
    this.restarts = this.restarts.filter((time) => now - time < this.policy.windowMs);
    if (this.restarts.length < this.policy.maxRestarts) {
      this.restarts.push(now);
      return {
        action: CloseAction.Restart,
        message: vscode.l10n.t('The Kubernetes Checklist server stopped unexpectedly and is being restarted.'),
        handled: true,
      };
    }
    const message = vscode.l10n.t(
      'The Kubernetes Checklist server crashed {0} times in the last {1} minutes and will not be restarted. See the output for details.',
      this.policy.maxRestarts + 1,
      Math.round(this.policy.windowMs / 60_000),
    );
    this.giveUp(message);
    return { action: CloseAction.DoNotRestart, message, handled: true };
  }

  /** Tells the user once per outage. */
  private giveUp(message: string): void {
    if (this.gaveUp) return;
    this.gaveUp = true;
    this.onGiveUp(message);
  }
}
