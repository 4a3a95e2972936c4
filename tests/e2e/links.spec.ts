import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

/** The first speech (in list order) whose 对应规划目标 panel lists a plan goal: picked from the pages, not hard-coded. */
async function openLinkedSpeech(page: Page): Promise<string> {
  await page.goto("/speeches");
  const titles = page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link");
  // The list streams in after the page shell: wait for it before reading it.
  await expect(titles.first()).toBeVisible();
  const hrefs = await titles.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const href of hrefs) {
    await page.goto(href);
    const panel = page.getByRole("region", { name: "对应规划目标" });
    await expect(panel).toBeVisible();
    if ((await panel.getByText(/^查看依据/).count()) > 0) return href;
  }
  throw new Error("No speech has a link to the plan: did the linker run on the e2e database?");
}

test("from a speech's 对应规划目标 to the compare view and on to the plan section that lists the speech", async ({
  page,
}) => {
  await openLinkedSpeech(page);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
  const panel = page.getByRole("region", { name: "对应规划目标" });
  await expect(panel.getByText(/关联度 [强中弱]/).first()).toBeVisible();
  await expect(panel.getByText(/机器建议|编辑确认|待处理/).first()).toBeVisible();

  // The evidence opens from the keyboard, and marks the shared terms on both sides. The first link
  // with evidence: one an editor added (curation.spec adds some) has none to show.
  const item = panel
    .locator("ol > li")
    .filter({ has: page.getByText(/^查看依据/) })
    .first();
  const summary = item.getByText(/^查看依据/);
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(item.locator("blockquote").first()).toBeVisible();
  await expect(item.locator("blockquote mark").first()).toBeVisible();
  await expect(item.getByRole("link", { name: /^本文第\d+段$/ }).first()).toBeVisible();
  await expect(item.getByRole("link", { name: /^规划原文 / }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await item.getByRole("link", { name: "对照阅读" }).click();
  await expect(page).toHaveURL(/\/compare\?document=.+&plan=[\d.]+$/);
  const planPath = new URL(page.url()).searchParams.get("plan")!;
  await expect(page.getByRole("heading", { level: 1, name: "对照阅读" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "面包屑" }).getByRole("link", { name: title })).toBeVisible();
  const documentSide = page.getByRole("region", { name: "大会发言原文" });
  const planSide = page.getByRole("region", { name: "规划纲要原文" });
  await expect(documentSide.getByText(/^依据 [\d、]+$/).first()).toBeVisible();
  await expect(planSide.getByText(/^依据 [\d、]+$/).first()).toBeVisible();
  await expect(documentSide.locator("mark").first()).toBeVisible();
  await expect(planSide.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // On to the plan section: its 相关发言与建议 lists the speech.
  await planSide.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/plan/${planPath.split(".")[0]}(#n-${planPath.replaceAll(".", "\\.")})?$`));
  const related = page.locator(`section[aria-labelledby="links-${planPath}"]`);
  await expect(related.getByRole("heading", { name: /^相关发言与建议（\d+）$/ })).toBeVisible();
  const speech = related.getByRole("link", { name: title, exact: true });
  if (!(await speech.isVisible())) await related.getByText(/^其余 \d+ 篇大会发言$/).click();
  await expect(speech).toBeVisible();
  await expect(related.getByRole("link", { name: "对照" }).first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("/coverage: the heatmap SVG, the table with the same counts, the gaps, filters in the URL and the CSV link", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "规划覆盖" }).click();
  await expect(page).toHaveURL(/\/coverage$/);
  await expect(page.getByRole("heading", { level: 1, name: "规划覆盖情况" })).toBeVisible();

  const heatmap = page.getByRole("img", { name: /^热力图/ });
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator("svg")).toHaveCount(1);
  await expect(heatmap.locator("svg path").first()).toBeAttached();

  const table = page.getByRole("table", { name: /各章节被涉及的文档篇数/ });
  await expect(table).toBeVisible();
  const chapterOne = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^第一章/ }) });
  await expect(chapterOne).toHaveCount(1);
  // The total of the chapter's row is a number, and the heatmap draws the same rows.
  await expect(chapterOne.getByRole("cell").last()).toHaveText(/^\d+$/);
  await expect(heatmap.locator("text", { hasText: /^第一章/ })).toHaveCount(1);

  await expect(page.getByRole("heading", { name: /^没有文档涉及的节与小节（\d+）$/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^没有文档涉及的目标与指标（\d+ \/ \d+）$/ })).toBeVisible();
  const unlinked = page.getByRole("region", { name: /^没有对应规划目标的文档/ });
  const count = Number(/（(\d+)）/.exec((await unlinked.getByRole("heading", { level: 2 }).textContent())!)![1]);
  await expect(unlinked.getByRole("listitem")).toHaveCount(count);
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await expectNoSeriousA11yViolations(page);
  await page.emulateMedia({ colorScheme: "light" });

  await page.getByRole("form", { name: "筛选" }).getByLabel("文档类型").selectOption("speech");
  await page.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(/\/coverage\?.*kind=speech/);
  await expect(page.getByRole("link", { name: "下载 CSV" })).toHaveAttribute(
    "href",
    /^\/api\/v1\/coverage\?format=csv&kind=speech/,
  );
  await expect(page.getByRole("table").getByRole("columnheader")).toHaveCount(3); // chapters, speeches, total
});

test("an unknown document or plan path in the compare view shows the not-found page", async ({ page }) => {
  await page.goto("/compare?document=no-such-document&plan=1");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
  await page.goto("/compare?document=daxing-cppcc-2023-speeches-01&plan=not-a-path");
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
});
