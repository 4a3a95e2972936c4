import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

test("a list sorts by title, labels each item's people by genre and shows an extract that lands on its paragraph", async ({
  page,
}) => {
  test.setTimeout(90_000); // several pages, each audited by axe, on a shared 2-core machine
  await page.goto("/proposals");
  const items = page.getByRole("main").locator("ol > li");
  await expect(items.first()).toBeVisible();
  // The proposals page holds written proposals (建议人) and comments on the government work report (点评人).
  await expect(items.filter({ hasText: "建议人：" }).first()).toBeVisible();
  await expect(items.filter({ hasText: "点评人：" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Choosing an order applies it at once: no button to press.
  await expect(page.getByRole("button", { name: "筛选" })).toHaveCount(0);
  await page.getByRole("combobox", { name: "排序", exact: true }).selectOption("title");
  await expect(page).toHaveURL(/\/proposals\?sort=title$/);
  const titles = page.getByRole("main").getByRole("heading", { level: 2 });
  // Pinyin order: běi (北京应积极…) before cā (擦亮北京…).
  await expect(titles.first()).toHaveText("北京应积极搭建文化交流平台");
  const texts = await titles.allTextContents();
  expect(texts).toEqual([...texts].sort(new Intl.Collator("zh-CN-u-co-pinyin").compare));

  // A source filter applies on change too, and keeps the order.
  await page.getByRole("combobox", { name: "来源", exact: true }).selectOption({ index: 1 });
  await expect(page).toHaveURL(/\/proposals\?source=[^&]+&sort=title$/);
  await expect(page.getByRole("combobox", { name: "排序", exact: true })).toHaveValue("title");

  await page.goto("/speeches");
  const carbon = page.getByRole("main").locator("ol > li").filter({ hasText: "落实“双碳”精神，打造零碳大兴" });
  await expect(carbon).toContainText("发言人：安博");
  await expect(carbon).toContainText("首条建议加强工作统筹协调。");
  await carbon.getByRole("link", { name: /^第10段/ }).click();
  await expect(page).toHaveURL(/\/speeches\/daxing-cppcc-2023-speeches-09#p-10$/);
  await expect(page.locator("#p-10")).toBeInViewport();
  await expect(
    page.getByRole("complementary", { name: "文档信息" }).getByRole("heading", { name: "发言人" }),
  ).toBeVisible();
});

test("without script the list's filters are a plain GET form with a button, and sort= is validated", async ({
  request,
}) => {
  // The HTML as a reader without script gets it: the button is there until the script removes it.
  const html = await (await request.get("/reports?sort=zzz")).text();
  const form = /<form aria-label="筛选"[^>]*>/.exec(html)?.[0] ?? "";
  expect(form).toContain('action="/reports"');
  expect(form).toContain('method="get"');
  expect(html).toMatch(/<button type="submit"[^>]*>筛选<\/button>/);
  // An unknown order falls back to the default (newest first); a known one is applied.
  expect(html).toMatch(/<option value="date" selected="">/);
  const byTitle = await (await request.get("/reports?sort=title")).text();
  expect(byTitle).toMatch(/<option value="title" selected="">/);
});

test("people are grouped by body (区政协, 市政协, 人大) in pinyin order; a person shows roles, extracts and topics", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto("/people");
  const groups = page.getByRole("main").getByRole("heading", { level: 2 });
  await expect(groups).toHaveText([/^区政协/, /^市政协/, /^人大/]);
  const district = page
    .getByRole("region", { name: /^区政协/ })
    .getByRole("listitem")
    .getByRole("link");
  const names = await district.allTextContents();
  expect(names.slice(0, 3)).toEqual(["安博", "邓超", "邓会燕"]);
  expect(names).toEqual([...names].sort(new Intl.Collator("zh-CN-u-co-pinyin").compare));
  await expect(page.getByRole("region", { name: /^市政协/ }).getByRole("link", { name: "李昕" })).toBeVisible();
  await expect(page.getByRole("region", { name: /^人大/ }).getByRole("link", { name: "张旭" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await district.filter({ hasText: "舒勇" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "舒勇" })).toBeVisible();
  await expect(page.getByRole("region", { name: "身份与任职" })).toContainText("区政协常委，中国社会艺术协会副主席");
  const docs = page.getByRole("region", { name: /^发言与文章/ });
  await expect(docs).toContainText("首条建议加强文化实体的保护和利用");
  await expect(
    page.getByRole("region", { name: "关注的主题" }).getByRole("link", { name: "文化与旅游" }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "涉及的规划章节" }).getByRole("link").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("the home page's search box and example queries lead to results", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/");
  const home = page.getByRole("search", { name: "检索资料库" });
  await expect(page.getByRole("heading", { name: "在这里可以做什么" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await home.getByRole("searchbox", { name: "检索词" }).fill("养老院");
  await home.getByRole("button", { name: "检索" }).click();
  await expect(page).toHaveURL(/\/search\?q=%E5%85%BB%E8%80%81%E9%99%A2$/);
  await expect(page.getByRole("heading", { level: 1, name: "检索：养老院" })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();

  await page.goto("/");
  await page.getByRole("list", { name: "检索示例" }).getByRole("link", { name: "碳达峰" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "检索：碳达峰" })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("/plan folds by chapter and leads to /plan/targets, filterable by chapter", async ({ page, request }) => {
  test.setTimeout(90_000);
  await page.goto("/plan");
  const outline = page.getByRole("navigation", { name: "规划纲要目录" });
  const sections = outline.getByRole("link", { name: "（三）主要目标" });
  await expect(sections).toBeHidden();
  // The disclosure opens from the keyboard.
  await outline.locator("summary", { hasText: "把握新形势" }).focus();
  await page.keyboard.press("Enter");
  await expect(sections).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: /全部目标与指标一览/ }).click();
  await expect(page).toHaveURL(/\/plan\/targets$/);
  await expect(page.getByRole("heading", { level: 1, name: "规划目标与指标" })).toBeVisible();
  await expect(page.getByText("共 40 项")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "适龄儿童入园率" });
  await expect(row).toContainText("≥99");
  await expect(row).toContainText("2025年");
  await expect(row.getByRole("link", { name: /（一）|\(一\)/ })).toHaveAttribute("href", "/plan/7#n-7.1.1");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("combobox", { name: "章节", exact: true }).selectOption("6");
  await expect(page).toHaveURL(/\/plan\/targets\?chapter=6$/);
  await expect(page.getByText("共 8 项")).toBeVisible();
  await expect(page.getByRole("main").getByRole("heading", { level: 2 })).toHaveText([/^第六章/]);
  await page.getByRole("link", { name: "公交站点500米覆盖率" }).click();
  await expect(page).toHaveURL(/\/plan\/6#t-/);
  const mark = decodeURIComponent(new URL(page.url()).hash.slice(1));
  await expect(page.locator(`[id="${mark}"]`)).toBeInViewport();

  // An unknown chapter falls back to every chapter, never an error.
  for (const bad of ["99", "abc", "%00"]) {
    const response = await request.get(`/plan/targets?chapter=${bad}`);
    expect(response.status(), bad).toBe(200);
    // React separates the text and the number with comments in the HTML.
    expect(await response.text()).toMatch(/共 (<!-- -->)?40(<!-- -->)? 项/);
  }
});
