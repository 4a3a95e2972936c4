import { expect, test } from "@playwright/test";

test("home page renders the shell and database-backed counts", async ({ page, request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect((await health.json()).database.reachable).toBe(true);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "政策对照" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "主导航" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "资料库概况" })).toBeVisible();
  await expect(page.getByText(/共 \d+ 份原始资料/)).toBeVisible();
});
