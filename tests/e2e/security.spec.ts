/**
 * The Content-Security-Policy in a real browser: pages hydrate with only their nonce'd scripts
 * (search suggestions, the coverage heatmap's styled SVG, an editor's forms), and nothing is
 * refused. Every refusal is reported to the page's console by a securitypolicyviolation listener.
 */
import { expect, test, type Page } from "@playwright/test";
import { E2E_EDITOR } from "../support/e2e-editor";

function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|CSP violation|Refused to/i.test(m.text())) violations.push(m.text());
  });
  void page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return violations;
}

test("pages carry a nonce'd CSP and every script of theirs has the nonce", async ({ request }) => {
  for (const path of ["/", "/search?q=%E4%BA%A7%E4%B8%9A", "/coverage", "/plan/3", "/api", "/login", "/no-such-page"]) {
    const res = await request.get(path);
    const csp = res.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, path).toBeTruthy();
    expect(csp).not.toContain("unsafe-eval");
    const html = await res.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    expect(res.headers()["x-content-type-options"]).toBe("nosniff");
    expect(res.headers()["x-frame-options"]).toBe("DENY");
  }
  // A fresh nonce for every response.
  const [a, b] = await Promise.all([request.get("/"), request.get("/")]);
  expect(a.headers()["content-security-policy"]).not.toBe(b.headers()["content-security-policy"]);
});

test("the header search hydrates and suggests under the CSP", async ({ page }) => {
  const violations = watchViolations(page);
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "全文检索" });
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await box.fill("药谷");
  await expect(page.getByRole("listbox", { name: "检索建议" })).toBeVisible();
  await expect(page.getByRole("listbox", { name: "检索建议" }).getByRole("option").first()).toBeVisible();
  // A client-side navigation (an RSC fetch) works too.
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link").nth(1).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test("the coverage heatmap keeps its SVG styling (style attributes are allowed, nothing else inline)", async ({
  page,
}) => {
  const violations = watchViolations(page);
  await page.goto("/coverage");
  const label = page.locator("[role=img] svg text").first();
  await expect(label).toBeVisible();
  // ECharts writes its font size in a style attribute: it applies only if the CSP allows attributes.
  expect(await label.evaluate((el) => getComputedStyle(el).fontSize)).toMatch(/^1[12]px$/);
  expect(violations).toEqual([]);
});

test("an editor's curation forms hydrate under the CSP", async ({ page }) => {
  const violations = watchViolations(page);
  await page.goto("/login?next=%2Feditor");
  await page.getByLabel("用户名").fill(E2E_EDITOR.name);
  await page.getByLabel("密码").fill(E2E_EDITOR.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();
  await page.goto("/speeches/daxing-cppcc-2023-speeches-01");
  const panel = page.getByRole("region", { name: "对应规划目标" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("button").first()).toBeEnabled();
  expect(violations).toEqual([]);
});

test("a page served again from the page cache carries a nonce of its own and still hydrates", async ({
  page,
  request,
}) => {
  const path = "/speeches/daxing-cppcc-2023-speeches-03";
  const first = await request.get(path);
  const second = await request.get(path);
  expect(second.headers()["x-page-cache"]).toBe("hit");
  const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
  const [n1, n2] = [
    nonceOf(first.headers()["content-security-policy"]),
    nonceOf(second.headers()["content-security-policy"]),
  ];
  expect(n1).toBeTruthy();
  expect(n2).toBeTruthy();
  expect(n2).not.toBe(n1);
  const html = await second.text();
  expect(html).not.toContain(n1!);
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${n2}"`);

  // In a browser: the stored page, under its new nonce, runs its scripts (the 引用 dialog opens).
  const violations = watchViolations(page);
  const response = await page.goto(path);
  expect(response?.headers()["x-page-cache"]).toBe("hit");
  // Its buttons show before it hydrates: click until the dialog opens (it only can once scripts ran).
  await expect(async () => {
    await page.getByRole("button", { name: "引用全文" }).click();
    await expect(page.getByRole("dialog", { name: "引用全文" })).toBeVisible({ timeout: 1_000 });
  }).toPass();
  expect(violations).toEqual([]);
});
