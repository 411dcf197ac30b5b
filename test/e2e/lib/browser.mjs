/**
 * Debian's Chromium driven by playwright-core, headless, with a fresh profile inside the sandbox
 * and no network beyond the loopback code-server it is pointed at.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** The Chromium executable: $CHROMIUM, else Debian's. */
export function chromiumPath() {
  const path = process.env.CHROMIUM || ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
  if (!path) throw new Error('Chromium not found: install the Debian package "chromium" (test/e2e/setup.sh does) or set $CHROMIUM');
  return path;
}

/** Launches a browser context; close it with `context.close()`. */
export async function launchBrowser(sandbox) {
  return chromium.launchPersistentContext(sandbox.dir('chromium-profile'), {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 900 },
    env: sandbox.env,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
