import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

test("search from the header, filter, and follow a hit to its highlighted paragraph", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "全文检索" });
  // The shortcut is a listener attached at hydration: a press before it lands on the page body.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await box.fill("碳达峰");
  await expect(
    page.getByRole("listbox", { name: "检索建议" }).or(page.getByRole("combobox", { name: "全文检索" })),
  ).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "检索：碳达峰" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("找到");
  await expect(page.locator("mark").first()).toBeVisible();
  await expect(page).toHaveTitle(/碳达峰/);
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("region", { name: "类型" }).getByRole("link", { name: "大会发言", exact: true }).click();
  await expect(page).toHaveURL(/kind=speech/);
  const first = page.getByRole("article").first();
  await expect(first).toContainText("大会发言");
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("落实“双碳”精神，打造零碳大兴");

  await expect(
    page.getByRole("list", { name: "已选筛选条件" }).getByRole("link", { name: "取消筛选 类型：大会发言" }),
  ).toBeVisible();

  await first
    .getByRole("link", { name: /^¶\d+$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/speeches\/daxing-cppcc-2023-speeches-09\?hl=%E7%A2%B3%E8%BE%BE%E5%B3%B0#p-\d+$/);
  const target = page.locator(new URL(page.url()).hash);
  await expect(target).toBeInViewport();
  // The paragraph is the anchor's target, and the searched-for words (synonyms too) are marked in it.
  await expect(target.locator("mark", { hasText: /^(碳达峰|双碳|碳中和)$/ }).first()).toBeVisible();
  const notice = page.getByRole("complementary", { name: "检索高亮" });
  await expect(notice).toContainText(/本页 \d+ 处/);
  await expectNoSeriousA11yViolations(page);
  await notice.getByRole("link", { name: "取消标出" }).click();
  await expect(page).toHaveURL(/\/speeches\/daxing-cppcc-2023-speeches-09$/);
  // The text's paragraphs carry no marks any more (the links panel's evidence marks its own shared terms).
  await expect(page.locator("main [id^='p-'] mark")).toHaveCount(0);
  await expect(page.locator("main [id^='p-']").first()).toBeVisible();
});

test("a plan hit opens its chapter with the words marked, and a page past the end says so", async ({ page }) => {
  await page.goto("/search?q=%E4%B8%B4%E7%A9%BA%E7%BB%8F%E6%B5%8E%E5%8C%BA&kind=plan");
  const first = page.getByRole("article").first();
  await expect(first).toContainText("规划纲要");
  await first
    .getByRole("link", { name: /^¶\d+$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/plan\/\d+\?hl=.+#[\d.]+-p-\d+$/);
  const paragraph = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`);
  await expect(paragraph).toBeInViewport();
  await expect(paragraph.locator("mark", { hasText: /^临空经济区$/ }).first()).toBeVisible();

  await page.goto("/search?q=%E4%B8%B4%E7%A9%BA%E7%BB%8F%E6%B5%8E%E5%8C%BA&kind=plan&page=40");
  await expect(page.getByText(/第 40 页已超出结果范围/)).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByRole("link", { name: /^转到第 \d+ 页$/ }).click();
  await expect(page.getByRole("article").first()).toBeVisible();
});

test("suggestions lead straight to a person", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "全文检索" });
  await box.fill("周源");
  const option = page.getByRole("option", { name: /周源/ });
  await expect(option).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "周源" })).toBeVisible();
});

test("a search with no results offers looser and related searches, and a related one leads to results", async ({
  page,
}) => {
  // No proposal speaks of parking fees or 雄安: nothing matches, not even in part.
  await page.goto(
    "/search?q=%E5%81%9C%E8%BD%A6%E8%B4%B9%E6%B6%A8%E4%BB%B7%E4%BA%86%20%E9%9B%84%E5%AE%89&kind=proposal",
  );
  await expect(page.getByText("没有找到结果")).toBeVisible();
  const looser = page.getByRole("list", { name: "放宽检索" });
  await expect(looser.getByRole("link", { name: "去掉筛选条件" })).toBeVisible();
  await expect(looser.getByRole("link", { name: "任一词：停车费涨价了 OR 雄安" })).toBeVisible();
  const related = page.getByRole("navigation", { name: "相关检索" });
  await expect(related.getByRole("link", { name: "停车位", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await related.getByRole("link", { name: "停车位", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=%E5%81%9C%E8%BD%A6%E4%BD%8D$/);
  await expect(page.getByRole("heading", { level: 1, name: "检索：停车位" })).toBeVisible();
  await expect(page.getByRole("article").first()).toBeVisible();
  await expect(page.getByRole("article").first().locator("mark").first()).toBeVisible();
});

test("the empty search page's examples are links, and an everyday word finds the official one", async ({ page }) => {
  await page.goto("/search");
  await page.getByRole("list", { name: "检索示例" }).getByRole("link", { name: "堵车", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "检索：堵车" })).toBeVisible();
  await expect(page.getByText(/同时检索了相关说法.*堵车 → 交通拥堵/)).toBeVisible();
  const first = page.getByRole("article").first();
  await expect(first).toContainText(/堵车 → 同义词“(交通拥堵|拥堵)”|堵车 → 相关词/);
  await expect(first.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a query with words that share no document says it shows partial matches and what each lacks", async ({
  page,
}) => {
  await page.goto("/search?q=%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB%20%E5%86%AC%E5%A5%A5");
  await expect(page.getByRole("status")).toContainText("均为部分匹配");
  await expect(page.getByText(/没有同时包含全部检索词的结果/)).toBeVisible();
  await expect(page.getByRole("article").first()).toContainText(/部分匹配，未找到：(冬奥|垃圾分类)/);
});

test("a 2,000-character query reaches the API as text, not as a refused request", async ({ request }) => {
  // 2,000 Chinese characters make an 18 kB URL, past Node's default limit on the request head.
  const q = "京津冀协同发展".repeat(286).slice(0, 2000);
  const ok = await request.get(`/api/v1/search?q=${encodeURIComponent(q)}`);
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ total: expect.any(Number), hits: expect.any(Array) });
  const tooLong = await request.get(`/api/v1/search?q=${encodeURIComponent(`${q}京`)}`);
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.code).toBe("invalid_parameters");
});

test("on a phone the filters fold away above the results and open on demand", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/search?q=%E6%95%99%E8%82%B2");
  const kinds = page.getByRole("region", { name: "类型" });
  await expect(kinds).toBeHidden();
  await expect(page.getByRole("article").first()).toBeInViewport();
  await page.getByText(/^筛选：类型、来源、人物、年份/).click();
  await expect(kinds).toBeVisible();
  await kinds.getByRole("link", { name: "调研报告", exact: true }).click();
  await expect(page).toHaveURL(/kind=report/);
  await expect(page.getByText("筛选：类型、来源、人物、年份、主题（已选 1 项）")).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
