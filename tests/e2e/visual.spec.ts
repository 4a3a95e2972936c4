import { expect, test, type Page } from "@playwright/test";

/**
 * The look of four page types at phone width, compared with reviewed baselines
 * (tests/e2e/visual.spec.ts-snapshots; regenerate with --update-snapshots and look at each image
 * before committing it). Each shot waits for the streamed text and every web font face it uses, with
 * animations and the caret off, so two runs of the same code give the same pixels; the small
 * tolerance absorbs font antialiasing.
 */
test.use({ viewport: { width: 390, height: 844 }, colorScheme: "light", deviceScaleFactor: 1 });

async function settle(page: Page) {
  await page.waitForLoadState("networkidle");
  // Faces of text streamed in late start loading late: wait until none is loading, twice over a frame.
  await page.evaluate(async () => {
    for (let i = 0; i < 2; i++) {
      await document.fonts.ready;
      await Promise.all([...document.fonts].filter((f) => f.status === "loading").map((f) => f.loaded));
      await new Promise((r) => requestAnimationFrame(() => r(null)));
    }
  });
}

const PAGES: [name: string, url: string, ready: string][] = [
  ["home", "/", "main h1"],
  ["speech", "/speeches/daxing-cppcc-2023-speeches-01", "main [id='p-3']"],
  ["search", "/search?q=%E6%95%99%E8%82%B2", "main article"],
  ["plan-chapter", "/plan/3", "main h2"],
];

for (const [name, url, ready] of PAGES) {
  test(`phone layout: ${name}`, async ({ page }) => {
    await page.goto(url);
    await expect(page.locator(ready).first()).toBeVisible();
    await settle(page);
    await expect(page).toHaveScreenshot(`${name}.png`, {
      animations: "disabled",
      caret: "hide",
      maxDiffPixelRatio: 0.01,
    });
  });
}
