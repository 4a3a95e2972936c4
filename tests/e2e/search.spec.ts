import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

test("search from the header, filter, and follow a hit to its highlighted paragraph", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("/");
  const box = page.getByRole("combobox", { name: "全文检索" });
  await expect(box).toBeFocused();
  await box.fill("碳达峰");
  await expect(page.getByRole("listbox", { name: "检索建议" }).or(page.getByRole("combobox", { name: "全文检索" }))).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: "检索：碳达峰" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("找到");
  await expect(page.locator("mark").first()).toBeVisible();
  await expect(page).toHaveTitle(/碳达峰/);
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  await page.getByRole("region", { name: "类型" }).getByRole("link", { name: "大会发言", exact: true }).click();
  await expect(page).toHaveURL(/kind=speech/);
  const first = page.getByRole("article").first();
  await expect(first).toContainText("大会发言");
  await expect(first.getByRole("heading", { level: 2 })).toHaveText("落实“双碳”精神，打造零碳大兴");

  await first.getByRole("link", { name: /^¶\d+$/ }).first().click();
  await expect(page).toHaveURL(/\/speeches\/daxing-cppcc-2023-speeches-09#p-\d+$/);
  const target = page.locator(new URL(page.url()).hash);
  await expect(target).toBeInViewport();
  await expect(target).toContainText(/碳达峰|双碳|碳中和/);
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
