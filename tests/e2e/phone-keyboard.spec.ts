import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

const PHONE = { width: 390, height: 844 };
const SPEECH = "/speeches/daxing-cppcc-2023-speeches-01";
const LONG_REPORT = "/reports/beijing-npc-2020-reports-03";
const SEARCH = "/search?q=%E6%95%99%E8%82%B2";

/** The header's "/" listener is attached at hydration: a press before it lands on the page body. */
async function pressSlashUntilFocused(page: Page, box: Locator) {
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
}

async function boxes(locator: Locator) {
  return locator.evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
}

test.describe("keyboard", () => {
  test("Esc closes the suggestions and keeps the query", async ({ page }) => {
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "全文检索" });
    await pressSlashUntilFocused(page, box);
    await box.pressSequentially("文化");
    const list = page.getByRole("listbox", { name: "检索建议" });
    await expect(list).toBeVisible();
    await box.press("Escape");
    await expect(list).toBeHidden();
    await expect(box).toHaveValue("文化");
    await expect(box).toBeFocused();
    // The arrows open them again, on the same query.
    await box.press("ArrowDown");
    await expect(list).toBeVisible();
  });

  test("suggestions show whole titles, wrapped rather than cut", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/");
    const box = page.getByRole("combobox", { name: "全文检索" });
    await box.fill("关于北京市");
    const option = page.getByRole("option", { name: /规划纲要编制工作若干问题专题调研工作情况的报告$/ });
    await expect(option).toBeVisible();
    // Nothing is clipped: every label's text fits its box (no ellipsis, no hidden overflow).
    const clipped = await page
      .getByRole("option")
      .evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).length);
    expect(clipped).toBe(0);
    const optionBoxes = await boxes(page.getByRole("option"));
    for (const b of optionBoxes) expect(b.height).toBeGreaterThanOrEqual(44);
  });

  test("on /search, / focuses the one box, which holds the query; typed in the box it is a character", async ({
    page,
  }) => {
    await page.goto(SEARCH);
    const box = page.getByRole("combobox", { name: "全文检索" });
    await expect(page.getByRole("combobox")).toHaveCount(1);
    await expect(box).toHaveValue("教育");
    await pressSlashUntilFocused(page, box);
    await expect(box).toHaveValue("教育");
    // The query is selected: typing replaces it.
    await page.keyboard.type("医疗");
    await expect(box).toHaveValue("医疗");
    await page.keyboard.type("/");
    await expect(box).toHaveValue("医疗/");
    await box.fill("医疗");
    await box.press("Escape");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=%E5%8C%BB%E7%96%97$/);
    await expect(page.getByRole("heading", { level: 1, name: "检索：医疗" })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "全文检索" })).toHaveValue("医疗");
  });

  test("the header marks the current section", async ({ page }) => {
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const [url, current] of [
      [SPEECH, "大会发言"],
      ["/plan/3", "十四五规划"],
      ["/people", "人物"],
      ["/api", "开放接口"],
    ] as const) {
      await page.goto(url);
      await expect(nav.getByRole("link", { name: current, exact: true })).toHaveAttribute("aria-current", "page");
      await expect(nav.locator("[aria-current]")).toHaveCount(1);
    }
    await page.goto("/");
    await expect(nav.locator("[aria-current]")).toHaveCount(0);
  });

  test("跳到结果 takes the keyboard past the facets to the first result", async ({ page }) => {
    await page.goto(SEARCH);
    const box = page.getByRole("combobox", { name: "全文检索" });
    await expect(page.getByRole("article").first()).toBeVisible();
    await box.focus();
    // From the box: the search button, then the skip link, before any facet.
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "检索", exact: true })).toBeFocused();
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "跳到结果" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("article").first().getByRole("link").first()).toBeFocused();
  });
});

test.describe("phone", () => {
  test.use({ viewport: PHONE });

  test("a speech's speaker and contents come before the text, folded", async ({ page }) => {
    test.slow();
    await page.goto(SPEECH);
    const firstParagraph = page.locator("main [id^='p-']").first();
    // The text streams in after the page's head; on a loaded machine that takes seconds.
    await expect(firstParagraph).toBeVisible({ timeout: 15_000 });
    const speaker = page.locator("summary", { hasText: /^发言人：舒勇$/ });
    const contents = page.locator("summary", { hasText: /^目录（\d+ 节）$/ });
    for (const summary of [speaker, contents]) {
      await expect(summary).toBeVisible();
      const [s, p] = await Promise.all([summary.boundingBox(), firstParagraph.boundingBox()]);
      expect(s!.y).toBeLessThan(p!.y);
      expect(s!.height).toBeGreaterThanOrEqual(44);
    }
    // Folded: the role and the headings show on demand.
    const role = page.locator("details", { has: speaker }).getByText("中国社会艺术协会副主席");
    await expect(role).toBeHidden();
    await speaker.click();
    await expect(role).toBeVisible();
    const toc = page.getByRole("navigation", { name: "目录" });
    await expect(toc).toBeHidden();
    await contents.click();
    const link = toc.getByRole("link", { name: "二、提高公共文化服务水平，加强文旅融合发展" });
    await link.click();
    await expect(page).toHaveURL(/#p-\d+$/);
    await expect(page.locator(new URL(page.url()).hash)).toBeInViewport();
    // The sidebar's own copies are for wide screens only.
    await expect(page.locator("#speaker-heading")).toBeHidden();
    await expect(page.locator("#toc-heading")).toBeHidden();
    await expectNoSeriousA11yViolations(page);
  });

  test("/search shows one search box, holding the query", async ({ page }) => {
    await page.goto(SEARCH);
    const visible = await page
      .locator("input[type=search]")
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);
    expect(visible).toBe(1);
    await expect(page.getByRole("combobox", { name: "全文检索" })).toHaveValue("教育");
    await expect(page.getByRole("article").first()).toBeVisible();
  });

  for (const width of [360, 375, 390, 414]) {
    test(`the header's links leave none alone on a line, each a 44 px target, at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/");
      const links = page.getByRole("navigation", { name: "主导航" }).getByRole("link");
      const rects = await boxes(links);
      expect(rects.length).toBeGreaterThanOrEqual(8);
      const rows = new Map<number, number>();
      for (const r of rects) {
        expect(r.height).toBeGreaterThanOrEqual(44);
        expect(r.right).toBeLessThanOrEqual(width);
        rows.set(Math.round(r.top), (rows.get(Math.round(r.top)) ?? 0) + 1);
      }
      expect(
        [...rows.values()].every((n) => n >= 2),
        JSON.stringify([...rows]),
      ).toBe(true);
      const search = await page.getByRole("combobox", { name: "全文检索" }).boundingBox();
      expect(search!.height).toBeGreaterThanOrEqual(44);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("the highlight notice's buttons are 44 px targets", async ({ page }) => {
    await page.goto("/reports/beijing-npc-2020-reports-02?hl=%E6%8C%87%E6%A0%87");
    for (const name of ["上一处", "下一处"]) {
      const b = await page.getByRole("button", { name }).boundingBox();
      expect(b!.height).toBeGreaterThanOrEqual(44);
      expect(b!.width).toBeGreaterThanOrEqual(44);
    }
  });
});

test.describe("desktop", () => {
  test("a long document keeps its contents in view while reading", async ({ page }) => {
    await page.goto(LONG_REPORT);
    const toc = page.getByRole("navigation", { name: "目录" });
    const last = page.locator("main [id^='p-']").last();
    await expect(last).toBeVisible();
    await last.scrollIntoViewIfNeeded();
    await expect(last).toBeInViewport();
    await expect(toc).toBeInViewport();
    await expect(toc.getByRole("link").first()).toBeVisible();
    // On a wide screen the phone's folded copies are not shown.
    await expect(page.locator("summary", { hasText: /^目录（/ })).toBeHidden();
  });

  test("the highlight notice moves to the next and previous match, scrolling and focusing it", async ({ page }) => {
    await page.goto("/reports/beijing-npc-2020-reports-02?hl=%E6%8C%87%E6%A0%87");
    const notice = page.getByRole("complementary", { name: "检索高亮" });
    await expect(notice).toContainText(/本页 \d+ 处/);
    const marks = page.locator("main [id^='p-'] mark");
    const total = await marks.count();
    expect(total).toBeGreaterThan(2);
    const next = notice.getByRole("button", { name: "下一处" });
    const previous = notice.getByRole("button", { name: "上一处" });

    await next.click();
    await expect(notice).toContainText(`第 1/${total} 处`);
    await expect(marks.nth(0)).toBeFocused();
    await expect(marks.nth(0)).toBeInViewport();
    await next.click();
    await expect(notice).toContainText(`第 2/${total} 处`);
    await expect(marks.nth(1)).toBeFocused();
    await previous.click();
    await expect(notice).toContainText(`第 1/${total} 处`);
    await expect(marks.nth(0)).toBeFocused();
    // Before the first comes the last: the last match is far down the page, and is brought into view.
    await previous.click();
    await expect(notice).toContainText(`第 ${total}/${total} 处`);
    await expect(marks.nth(total - 1)).toBeFocused();
    await expect(marks.nth(total - 1)).toBeInViewport();
  });

  test("/api shows an example request and response for every endpoint", async ({ page }) => {
    await page.goto("/api");
    const sections = page.locator("main section[aria-labelledby^='ep-']");
    // The page streams in (正在加载… first): count once the last section is there.
    await expect(page.getByRole("region", { name: "GET /api/v1/search 的示例响应" })).toBeVisible();
    await expect(sections.last()).toBeVisible();
    const count = await sections.count();
    expect(count).toBeGreaterThan(15);
    for (let i = 0; i < count; i++) {
      const section = sections.nth(i);
      const [method, path] = (await section.getByRole("heading", { level: 2 }).innerText()).split(" ");
      const request = await section.getByRole("region", { name: `${method} ${path} 的示例请求` }).innerText();
      expect(request, path).toMatch(new RegExp(`^curl (-X ${method} )?.*'http://127\\.0\\.0\\.1:\\d+/api/v1/`));
      const response = await section.getByRole("region", { name: `${method} ${path} 的示例响应` }).innerText();
      expect(() => JSON.parse(response), path).not.toThrow();
    }
    // A GET example answers as shown: the curl line's URL, asked of this server, gives that shape.
    const url = /'(http[^']+)'$/.exec(
      await page.getByRole("region", { name: "GET /api/v1/search 的示例请求" }).innerText(),
    )![1]!;
    const live = await (await page.request.get(url)).json();
    const shown = JSON.parse(await page.getByRole("region", { name: "GET /api/v1/search 的示例响应" }).innerText());
    expect(live.total).toBe(shown.total);
    expect(live.hits[0].url).toBe(shown.hits[0].url);
  });
});

// One audit per test: five pages × two schemes × two widths take minutes on a loaded machine.
test.describe("accessibility of the changed pages, light and dark, desktop and phone", () => {
  for (const scheme of ["light", "dark"] as const) {
    for (const [device, viewport] of [
      ["desktop", { width: 1280, height: 720 }],
      ["phone", PHONE],
    ] as const) {
      for (const url of ["/", SPEECH, `${LONG_REPORT}?hl=%E4%BA%A7%E4%B8%9A`, SEARCH, "/api"]) {
        test(`${scheme}, ${device}: ${url}`, async ({ page }) => {
          test.slow();
          await page.setViewportSize(viewport);
          await page.emulateMedia({ colorScheme: scheme });
          await page.goto(url);
          await expect(page.locator("main h1")).toBeVisible();
          await expectNoSeriousA11yViolations(page);
        });
      }
    }
  }
});
