import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

/** The element a fragment names (plan anchors such as 3.2-p-4 are no valid CSS id selector). */
const byId = (page: Page, id: string) => page.locator(`[id="${id}"]`);

async function expectLanded(page: Page, id: string) {
  const target = byId(page, id);
  await expect(target).toHaveAttribute("data-anchor-landed", "");
  await expect(target).toBeInViewport();
  // Marked for the eye too, not only in the DOM.
  expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe("rgba(0, 0, 0, 0)");
  // Only the target is marked.
  await expect(page.locator("[data-anchor-landed]")).toHaveCount(1);
}

// Paragraphs deep in long pages (the longest reports run to 80 and 98 paragraphs), with and without
// search marks, plan paragraphs and the outline's section anchors, each opened cold in a fresh page.
const DEEP_LINKS: [url: string, id: string][] = [
  ["/speeches/daxing-cppcc-2023-speeches-01#p-10", "p-10"],
  ["/speeches/daxing-cppcc-2023-speeches-05#p-20", "p-20"],
  ["/speeches/daxing-cppcc-2023-speeches-10?hl=5G#p-17", "p-17"],
  ["/reports/beijing-npc-2020-reports-02#p-60", "p-60"],
  ["/reports/beijing-npc-2020-reports-03?hl=%E4%BA%A7%E4%B8%9A#p-90", "p-90"],
  ["/reports/beijing-npc-2020-reports-07?hl=%E8%B4%A2%E6%94%BF#p-15", "p-15"],
  ["/reports/beijing-npc-2020-reports-20#p-50", "p-50"],
  ["/proposals/beijing-cppcc-2024-proposals-04#p-5", "p-5"],
  ["/plan/1#1.4.3-p-8", "1.4.3-p-8"],
  ["/plan/3#3.1.3-p-4", "3.1.3-p-4"],
  ["/plan/6?hl=%E6%99%BA%E6%85%A7#6.3.2-p-3", "6.3.2-p-3"],
  ["/plan/1#n-1.4.3", "n-1.4.3"],
  ["/plan/3#n-3.3", "n-3.3"],
  ["/plan/7#n-7.1.1", "n-7.1.1"],
];

for (const [url, id] of DEEP_LINKS) {
  test(`a cold deep link lands and is marked: ${url}`, async ({ page }) => {
    await page.goto(url);
    await expectLanded(page, id);
  });
}

test("in-app links land too: the outline into a chapter, the table of contents, the highlight notice", async ({
  page,
}) => {
  await page.goto("/plan");
  const outline = page.getByRole("navigation", { name: "规划纲要目录" });
  // The outline folds by chapter: open chapter 1 first.
  await outline.locator("summary", { hasText: "把握新形势" }).click();
  await outline.getByRole("link", { name: "（三）主要目标" }).click();
  await expect(page).toHaveURL(/\/plan\/1#n-1\.4\.3$/);
  await expectLanded(page, "n-1.4.3");

  await page.goto("/reports/beijing-npc-2020-reports-03");
  const toc = page.getByRole("navigation", { name: "目录" }).getByRole("link");
  const last = toc.last();
  const href = await last.getAttribute("href");
  await last.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expectLanded(page, href!.slice(1));

  await page.goto("/reports/beijing-npc-2020-reports-02?hl=%E6%8C%87%E6%A0%87");
  await page.getByRole("link", { name: "跳到第一处" }).click();
  const first = new URL(page.url()).hash.slice(1);
  await expectLanded(page, first);
});

test("引用 cites a paragraph in GB/T 7714 and plainly, copies it and says so", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/speeches/daxing-cppcc-2023-speeches-01?hl=%E6%96%87%E5%8C%96#p-10");
  const dialog = page.getByRole("dialog", { name: "引用第10段" });
  // A page served whole from the page cache shows its buttons before it hydrates: click until it has.
  await expect(async () => {
    await page.getByRole("button", { name: "引用第10段" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const origin = new URL(page.url()).origin;
  const url = `${origin}/speeches/daxing-cppcc-2023-speeches-01#p-10`;
  const gbt = dialog.getByRole("region", { name: "GB/T 7714" }).locator("p");
  await expect(gbt).toHaveText(
    new RegExp(
      `^舒勇\\. 关于全区文化事业发展建设的几点建议\\[EB/OL\\]\\. 政协北京市大兴区第六届委员会第二次会议, 2023: 第10段\\[\\d{4}-\\d{2}-\\d{2}\\]\\. ${url.replace(/[.?]/g, "\\$&")}\\.$`,
    ),
  );
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "复制GB/T 7714" }).click();
  await expect(dialog.getByRole("status")).toHaveText("已复制GB/T 7714引用");
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  });
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain(`[${today}]. ${url}.`);
  expect(copied).not.toContain("hl=");

  await dialog.getByRole("button", { name: "复制通用格式" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
    /^舒勇：《关于全区文化事业发展建设的几点建议》，政协北京市大兴区第六届委员会第二次会议，2023年，第10段。http.+#p-10（访问日期：\d{4}年\d{1,2}月\d{1,2}日）$/,
  );
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("button", { name: "引用第10段" })).toBeFocused();

  // The document itself: its plain URL, never the skip link's #main.
  await page.getByRole("button", { name: "引用全文" }).click();
  const whole = page.getByRole("dialog", { name: "引用全文" });
  await expect(whole.getByRole("region", { name: "GB/T 7714" }).locator("p")).toContainText(
    `${origin}/speeches/daxing-cppcc-2023-speeches-01.`,
  );
  await expect(whole).not.toContainText("#main");
  await whole.getByRole("button", { name: "关闭" }).click();
  await expect(whole).toBeHidden();
});

test("a plan paragraph is cited as part of the plan, issued by the district government", async ({ page }) => {
  await page.goto("/plan/3#3.1.3-p-4");
  const dialog = page.getByRole("dialog");
  // A page served whole from the page cache shows its buttons before it hydrates: click until it has.
  await expect(async () => {
    await page.getByRole("button", { name: "引用（三）做精做实支撑产业第4段" }).click();
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(dialog.getByRole("region", { name: "GB/T 7714" }).locator("p")).toHaveText(
    /^北京市大兴区人民政府\. 北京市大兴区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: （三）做精做实支撑产业\[EB\/OL\]\. 北京市大兴区人民政府, 2021-04-22: 第4段\[\d{4}-\d{2}-\d{2}\]\. http.+\/plan\/3#3\.1\.3-p-4\.$/,
  );
});

test("on a phone every 引用 and paragraph link is a 44 px tap target", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const url of ["/speeches/daxing-cppcc-2023-speeches-02", "/plan/3"]) {
    await page.goto(url);
    const buttons = page.getByRole("button", { name: /^引用/ });
    // The paragraphs stream in after the page's head: wait for them before counting.
    await expect(buttons.nth(5)).toBeVisible();
    expect(await buttons.count()).toBeGreaterThan(5);
    for (const box of await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    const paragraphLinks = page.getByRole("link", { name: /第\d+段链接$/ });
    for (const box of await paragraphLinks.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON()))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
  }
});

// Each page in a fresh browser context, so its figures are what a first visit downloads.
for (const url of ["/speeches/daxing-cppcc-2023-speeches-02", "/reports/beijing-npc-2020-reports-03", "/plan/3"]) {
  test(`CJK fonts are self-hosted under the CSP, loaded by unicode-range slice: ${url}`, async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const fonts: { url: string; bytes: Promise<number> }[] = [];
    const css: { url: string; bytes: Promise<number> }[] = [];
    page.on("requestfinished", (request) => {
      // A request can finish as the test closes the page: its size is then unknown, not an error.
      const entry = {
        url: request.url(),
        bytes: request.sizes().then(
          (s) => s.responseBodySize,
          () => 0,
        ),
      };
      if (request.resourceType() === "font") fonts.push(entry);
      if (request.resourceType() === "stylesheet") css.push(entry);
    });
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    const origin = new URL(page.url()).origin;
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(new URL(f.url).origin).toBe(origin);
    // A face loads when text using it is laid out; text streamed after networkidle loads its face later.
    const loadedFamilies = () =>
      page.evaluate(() =>
        [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replace(/["']/g, "")),
      );
    await expect.poll(loadedFamilies, { timeout: 10_000 }).toContain("Noto Sans SC Variable");
    await expect.poll(loadedFamilies, { timeout: 10_000 }).toContain("Noto Serif SC Variable");
    // Each family is cut into about a hundred slices; a page's text needs a fraction of them.
    expect(fonts.length).toBeLessThan(120);
    expect(violations).toEqual([]);
    const kB = async (list: { bytes: Promise<number> }[]) =>
      Math.round((await Promise.all(list.map((e) => e.bytes))).reduce((a, b) => a + b, 0) / 1024);
    console.log(`${url}: ${fonts.length} font files, ${await kB(fonts)} kB; stylesheets ${await kB(css)} kB`);
  });
}
