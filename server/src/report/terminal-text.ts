/**
 * Text bound for a terminal: a file name or a manifest string may hold control characters (an
 * ESC sequence that recolours or clears the screen, an OSC 8 link that disguises a path, a newline
 * that forges a second finding line for a problem matcher). They are shown as `\xNN` / `\u{NNNN}`
 * escapes instead, so a line of output is always exactly one finding, as written.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function terminalSafe(text: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL, (character) => {
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
  });
}
