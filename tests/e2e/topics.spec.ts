import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

test("/topics → a topic → one of its speeches → the speech's topic chip leads back to the topic", async ({ page }) => {
  // Four pages and three accessibility audits (one of a long speech): more than the default 30 s on a busy 2-core machine.
  test.slow();
  await page.goto("/topics");
  await expect(page.getByRole("heading", { level: 1, name: "主题" })).toBeVisible();
  // The chart is server-rendered SVG with a description, and its numbers are in a table too.
  await expect(page.getByRole("img", { name: /横向条形图/ }).locator("svg")).toBeVisible();
  await expect(page.getByRole("table").getByRole("rowheader", { name: "生态环境与双碳" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("region", { name: "主题一览" }).getByRole("link", { name: "生态环境与双碳" }).click();
  await expect(page).toHaveURL(/\/topics\/ecology$/);
  await expect(page.getByRole("heading", { level: 1, name: "生态环境与双碳" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^规划纲要章节（\d+）$/ })).toBeVisible();
  const speeches = page.getByRole("region", { name: /^大会发言（\d+）$/ });
  const first = speeches.getByRole("heading", { level: 3 }).getByRole("link").first();
  const title = (await first.textContent())!.trim();
  // Each document comes with the passage that shows the topic best.
  await expect(speeches.locator("blockquote").first()).toBeVisible();
  await expect(page.getByRole("link", { name: "订阅本主题（Atom）" })).toHaveAttribute(
    "href",
    "/topics/ecology/feed.xml",
  );
  await expectNoSeriousA11yViolations(page);

  await first.click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const chips = page.getByRole("list", { name: "本文主题" });
  await expect(chips.getByRole("link", { name: /生态环境与双碳/ })).toBeVisible();
  // Why: the topics panel names the terms and the passage, and passages carry their topics.
  const panel = page.getByRole("region", { name: "主题", exact: true });
  await expect(panel.getByText(/^依据词：/).first()).toBeVisible();
  await expect(panel.getByRole("link", { name: /^最相关段落：第\d+段$/ }).first()).toBeVisible();
  await expect(page.locator("main p[id^='p-'] a[href='/topics/ecology']").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await chips.getByRole("link", { name: /生态环境与双碳/ }).click();
  await expect(page).toHaveURL(/\/topics\/ecology$/);
  await expect(page.getByRole("link", { name: title }).first()).toBeVisible();
});

test("a list filtered by topic offers only topics with documents, and an unknown topic page is a 404", async ({
  page,
}) => {
  await page.goto("/reports?topic=transport");
  await expect(page.getByText(/^共 \d+ 篇$/)).toBeVisible();
  // A <select> inside its <label>: the label's text includes the options, so find it by role and name.
  const select = page.getByRole("combobox", { name: "主题", exact: true });
  await expect(select).toHaveValue("transport");
  const options = await select.locator("option").allTextContents();
  expect(options.slice(1).every((o) => /（[1-9]\d*）$/.test(o))).toBe(true);
  // The other filters too: reports come from one source, so that is the only source offered.
  await expect(page.getByRole("combobox", { name: "来源", exact: true }).locator("option")).toHaveCount(2);
  const response = await page.goto("/topics/no-such-topic");
  expect(response?.status()).toBe(404);
});
