/**
 * What the web extension bundle gets for `node:crypto` (webpack.config.js aliases it): the report
 * view draws its Content-Security-Policy nonce with `randomBytes(n).toString('base64')`, and the
 * browser's `crypto.getRandomValues` gives the same randomness.
 */
export function randomBytes(size: number): { toString(encoding: 'base64'): string } {
  const bytes = crypto.getRandomValues(new Uint8Array(size));
  return { toString: () => btoa(String.fromCharCode(...bytes)) };
}
