/**
 * What the workbench suites (ui/workbench.mjs, web/web-workbench.mjs) do the same way: run steps
 * that each take a screenshot and stop the run at the first failure, pick from the quick input,
 * check that a squiggle sits exactly under a token, and select a quick fix in the Ctrl+. menu.
 */
import { join } from 'node:path';

/** A runner of steps on `page`, screenshots into `shots`; `counts()` gives the tally. */
export function stepRunner(page, shots) {
  let passed = 0;
  let failed = 0;
  async function step(name, shot, body) {
    const started = Date.now();
    try {
      await body();
      passed += 1;
      console.log(`  ✔ ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`  ✘ ${name}\n    ${String(error.message ?? error).split('\n').join('\n    ')}`);
    } finally {
      if (shot) await page.screenshot({ path: join(shots, `${shot}.png`) }).catch(() => undefined);
    }
    if (failed) throw new Error('stopped at the first failure');
  }
  /** An error outside any step (the run stopped) counts as one failure unless a step already failed. */
  const stopped = (error) => {
    if (failed) return;
    failed += 1;
    console.log(`  ✘ ${error.message ?? error}`);
  };
  return { step, stopped, counts: () => ({ passed, failed }) };
}

/** Opens the quick input with `key` (Ctrl+P, F1), types `text`, waits for a row showing `row` and takes it. */
export async function pickFromQuickInput(page, key, text, row) {
  await page.keyboard.press(key);
  await page.locator('.quick-input-widget input').fill(text);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().waitFor();
  await page.keyboard.press('Enter');
}

/** Throws unless exactly one `squiggle` is drawn, under the token `word` of the line showing `line`. */
export async function assertSquiggleUnder(editor, squiggle, line, word) {
  await squiggle.waitFor({ state: 'attached' });
  const squiggles = await squiggle.count();
  if (squiggles !== 1) throw new Error(`expected one error squiggle, saw ${squiggles}`);
  const token = editor.locator('.view-line', { hasText: line }).locator('span span', { hasText: new RegExp(`^${word}$`) });
  const [box, tokenBox] = [await squiggle.boundingBox(), await token.boundingBox()];
  if (!box || !tokenBox) throw new Error('squiggle or token not rendered');
  const off = Math.abs(box.x - tokenBox.x) + Math.abs(box.width - tokenBox.width) + Math.abs(box.y + box.height / 2 - (tokenBox.y + tokenBox.height / 2));
  if (off > 4) throw new Error(`squiggle at x=${box.x} w=${box.width} y=${box.y}, token "${word}" at x=${tokenBox.x} w=${tokenBox.width} y=${tokenBox.y}`);
}

/** Opens Ctrl+. at the squiggle and moves the selection to the quick fix titled `title` (Enter applies it). */
export async function selectQuickFix(page, squiggle, title) {
  const box = await squiggle.boundingBox();
  await page.mouse.click(box.x + 2, box.y + box.height / 2 - 4);
  await page.keyboard.press('Control+.');
  // By its whole name: the combined fix's title names this change too.
  const wanted = page.locator('.action-widget').getByRole('option', { name: title, exact: true });
  await wanted.waitFor();
  // Move the selection to the wanted row (a click is swallowed by the widget's pointer blocker).
  for (let moves = 0; !(await wanted.evaluate((row) => row.classList.contains('focused'))); moves += 1) {
    if (moves > 10) throw new Error('could not select the quick fix');
    await page.keyboard.press('ArrowDown');
  }
}
