// What both drivers' page handles share: Playwright's and Puppeteer's pages
// have the same mouse, keyboard and screenshot calls.

/** Mouse, keyboard, screenshot and lifetime methods of a driver page handle. */
export function pageInput(page) {
  return {
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    click: (x, y) => page.mouse.click(x, y),
    /** Moves the pointer to (x, y) in a few steps, as a hand would. */
    hover: (x, y) => page.mouse.move(x, y, { steps: 4 }),
    drag: async (from, to) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 5 });
      await page.mouse.up();
    },
    type: (text) => page.keyboard.type(text),
    press: (key) => page.keyboard.press(key),
    /** Holds each key down in turn, then lets go in reverse: a chord such as ['Alt', 'Shift', 'KeyJ']. */
    pressChord: async (keys) => {
      for (const key of keys) await page.keyboard.down(key);
      for (const key of [...keys].reverse()) await page.keyboard.up(key);
    },
    screenshot: (clip) => page.screenshot(clip ? { clip } : {}),
    screenshotTo: (path) => page.screenshot({ path }),
    bringToFront: () => page.bringToFront(),
    close: () => page.close(),
  };
}
