import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";

test("a reader walks from the overview through a speech, its speaker, the plan and a report", async ({ page }) => {
  test.setTimeout(90_000); // seven pages, each audited by axe, on a shared 2-core machine
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "政策对照" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "最新大会发言" }).click();
  await expect(page).toHaveURL(/\/speeches$/);
  await expect(page.getByRole("heading", { level: 1, name: "大会发言" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("link", { name: "关于全区文化事业发展建设的几点建议" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "关于全区文化事业发展建设的几点建议" })).toBeVisible();
  const speaker = page.getByRole("complementary", { name: "文档信息" });
  await expect(speaker.getByText("中国社会艺术协会副主席")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The table of contents follows a heading anchor.
  await page
    .getByRole("navigation", { name: "目录" })
    .getByRole("link", { name: "二、提高公共文化服务水平，加强文旅融合发展" })
    .click();
  await expect(page).toHaveURL(/#p-\d+$/);
  const anchor = new URL(page.url()).hash;
  await expect(page.locator(anchor)).toBeInViewport();

  await speaker.getByRole("link", { name: "舒勇" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "舒勇" })).toBeVisible();
  await expect(page.getByRole("link", { name: "关于全区文化事业发展建设的几点建议" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "十四五规划" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("第十四个五年规划");
  await expectNoSeriousA11yViolations(page);
  await page
    .getByRole("navigation", { name: "规划纲要目录" })
    .getByRole("link", { name: "第一章 把握新形势，引领新发展" })
    .click();
  await expect(page.getByRole("heading", { level: 2, name: /把握新形势，引领新发展/ })).toBeVisible();
  await expect(page.getByRole("note").filter({ hasText: "主要指标" })).toBeVisible();
  await expect(page.getByRole("complementary").getByRole("heading", { name: "本章目标与指标" })).toBeVisible();
  await expect(page.locator("mark").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "调研报告" }).click();
  await page.getByRole("link", { name: "关于北京市“十四五”时期公共财政发展的调研报告" }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "关于北京市“十四五”时期公共财政发展的调研报告" }),
  ).toBeVisible();
  await expect(page.getByText("市人大常委会预算工作委员会").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("a paragraph anchor opens at that paragraph, and the source view shows the original lines", async ({ page }) => {
  await page.goto("/reports/beijing-npc-2020-reports-02#p-5");
  await expect(page.locator("#p-5")).toBeInViewport();
  await page.getByRole("link", { name: /查看原文/ }).click();
  await expect(page.getByRole("heading", { name: /原文 · beijing-npc-2020-fyp-research-reports\.txt/ })).toBeVisible();
  await expect(page.getByText("市人大常委会财政经济办公室").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("unknown ids show the not-found page with a 404; the API docs page lists the endpoints", async ({
  page,
  request,
}) => {
  const missing = await page.goto("/speeches/no-such-speech");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
  for (const path of ["/reports/daxing-cppcc-2023-speeches-09", "/people/p-nobody", "/plan/99", "/proposals/x"]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
  expect((await request.get("/speeches/daxing-cppcc-2023-speeches-09")).status()).toBe(200);
  // Broken percent-encoding is the client's error, on pages and in the API alike.
  expect((await request.get("/speeches/%E0%A4%A")).status()).toBe(400);
  const api = await request.get("/api/v1/documents/%E0%A4%A");
  expect(api.status()).toBe(400);
  expect((await api.json()).error.code).toBe("invalid_path");
  await page.goto("/api");
  await expect(page.getByRole("heading", { name: "GET /api/v1/documents", exact: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});

test("pages fit a phone screen", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/speeches/daxing-cppcc-2023-speeches-02");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});

test("dark mode keeps contrast on every page type", async ({ page }) => {
  test.setTimeout(120_000); // every page type, each audited by axe
  await page.emulateMedia({ colorScheme: "dark" });
  for (const url of [
    "/",
    "/speeches",
    "/speeches/daxing-cppcc-2023-speeches-03",
    "/plan/7",
    "/people",
    "/search?q=教育",
  ]) {
    await page.goto(url);
    await expectNoSeriousA11yViolations(page);
  }
});
