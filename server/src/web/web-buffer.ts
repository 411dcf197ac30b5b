/**
 * The `Buffer` the web server bundle gets in place of Node's (webpack.config.js provides it): the
 * certificate model decodes base64 and reads DER bytes through the few Buffer methods below, and a
 * web worker has no Buffer. The bytes are a Uint8Array subclass, so `subarray` keeps these methods.
 */
class WebBytes extends Uint8Array {
  override subarray(start?: number, end?: number): WebBytes {
    return super.subarray(start, end) as WebBytes;
  }

  override toString(encoding = 'utf8'): string {
    if (encoding === 'latin1') return Array.from(this, (byte) => String.fromCharCode(byte)).join('');
    if (encoding === 'base64') return btoa(this.toString('latin1'));
    if (encoding === 'utf16le') return new TextDecoder('utf-16le').decode(this);
    return new TextDecoder('utf-8').decode(this);
  }

  equals(other: Uint8Array): boolean {
    return this.length === other.length && this.every((byte, i) => byte === other[i]);
  }

  swap16(): this {
    for (let i = 0; i + 1 < this.length; i += 2) [this[i], this[i + 1]] = [this[i + 1], this[i]];
    return this;
  }
}

export const Buffer = {
  from(value: string | ArrayLike<number>, encoding?: string): WebBytes {
    if (typeof value !== 'string') return new WebBytes(Array.from(value));
    if (encoding === 'base64') return new WebBytes(Array.from(atob(value), (char) => char.charCodeAt(0)));
    return new WebBytes(new TextEncoder().encode(value));
  },
};
