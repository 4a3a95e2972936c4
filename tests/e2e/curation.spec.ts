import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "../support/a11y";
import { E2E_EDITOR } from "../support/e2e-editor";

const panelOf = (page: Page) => page.getByRole("region", { name: "对应规划目标" });
/** The panel's link items (not the folded 已驳回 ones, not evidence). */
const linkItems = (panel: Locator) => panel.locator(":scope > ol > li");
/** A link's item, found by its record link (/links/{id}) wherever the panel lists it. */
const itemOf = (panel: Locator, id: string) =>
  panel.locator("li").filter({ has: panel.page().locator(`a[href="/links/${id}"]`) });
const linkIdOf = async (item: Locator) =>
  /^\/links\/(.+)$/.exec((await item.getByRole("link", { name: "记录", exact: true }).getAttribute("href"))!)![1]!;

/** A speech whose panel lists at least two machine suggestions: picked from the pages, not hard-coded. */
async function openSpeechWithSuggestions(page: Page): Promise<string> {
  await page.goto("/speeches");
  const titles = page.getByRole("main").getByRole("heading", { level: 2 }).getByRole("link");
  await expect(titles.first()).toBeVisible();
  const hrefs = await titles.evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
  for (const href of hrefs) {
    await page.goto(href);
    await expect(panelOf(page)).toBeVisible();
    if ((await linkItems(panelOf(page)).filter({ hasText: "机器建议" }).count()) >= 2) return href;
  }
  throw new Error("No speech on the first list page has two suggested links: did the linker run on the e2e database?");
}

/** Plan node paths the panel already links to (its plan node links: /plan/3 or /plan/3#n-3.2). */
async function linkedPaths(panel: Locator): Promise<Set<string>> {
  const hrefs = await panel.locator('a[href^="/plan/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
  return new Set(
    hrefs.flatMap((h) => {
      const m = /^\/plan\/(\d+)(?:#n-([\d.]+))?$/.exec(h);
      return m ? [m[2] ?? m[1]!] : [];
    }),
  );
}

/** Signs the e2e editor in through /login, coming back to `next`. */
async function signIn(page: Page, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel("用户名").fill(E2E_EDITOR.name);
  await page.getByLabel("密码").fill(E2E_EDITOR.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/.]/g, "\\$&")}$`));
}

test("an editor confirms, rejects and adds links; readers then see the confirmed and added ones with their history", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const note = `e2e：人工补充的关联 ${Date.now()}`;

  // Anonymous visitors are sent to sign in, and come back to /editor.
  await page.goto("/");
  await expect(page.getByRole("contentinfo").getByRole("link", { name: "编辑登录" })).toBeVisible();
  await page.goto("/editor");
  await expect(page).toHaveURL(/\/login\?next=%2Feditor$/);
  await expect(page.getByRole("heading", { level: 1, name: "编辑登录" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("用户名").fill(E2E_EDITOR.name);
  await page.getByLabel("密码").fill(E2E_EDITOR.password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/editor$/);
  await expect(page.getByRole("heading", { level: 1, name: "编辑工作台" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /^新的机器建议（\d+）$/ })).toBeVisible();
  // The visit is recorded (new suggestions count from it next time).
  await expect
    .poll(async () => (await page.context().cookies()).find((c) => c.name === "editor_last_visit")?.httpOnly)
    .toBe(true);
  await expect(
    page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "编辑工作台" }),
  ).toBeVisible();

  // On a speech: confirm one suggestion, reject another.
  const speech = await openSpeechWithSuggestions(page);
  const panel = panelOf(page);
  const suggested = linkItems(panel).filter({ hasText: "机器建议" });
  const confirmedId = await linkIdOf(suggested.nth(0));
  const rejectedId = await linkIdOf(suggested.nth(1));

  await itemOf(panel, confirmedId).getByRole("button", { name: "确认", exact: true }).click();
  await expect(itemOf(panel, confirmedId).getByText(`编辑确认（${E2E_EDITOR.name}）`)).toBeVisible();

  await itemOf(panel, rejectedId).getByRole("button", { name: "驳回", exact: true }).click();
  const rejectedFold = panel
    .locator("details")
    .filter({ has: page.locator("summary", { hasText: /^已驳回（\d+）$/ }) });
  await expect(rejectedFold.locator(`a[href="/links/${rejectedId}"]`)).toBeAttached();
  await expect(linkItems(panel).locator(`a[href="/links/${rejectedId}"]`)).toHaveCount(0);

  // Add a link of one's own, with a note, to a section the speech is not linked to yet.
  await panel.locator("summary", { hasText: "添加关联" }).click();
  const form = panel.getByRole("form", { name: "添加关联" });
  const taken = await linkedPaths(panel);
  const nodeSelect = form.getByLabel("规划条目");
  const options = await nodeSelect.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const path = options.find((v) => v.includes(".") && !taken.has(v));
  expect(path, "a plan section the speech has no link to").toBeTruthy();
  await expect(form.getByRole("button", { name: "添加关联" })).toBeEnabled();
  await nodeSelect.selectOption(path!);
  await form.getByLabel(/^备注/).fill(note);
  await form.getByRole("button", { name: "添加关联" }).click();
  await expect(form.getByRole("status")).toContainText("已添加关联。");
  const addedId = /^\/links\/(.+)$/.exec(
    (await form.getByRole("link", { name: "查看记录" }).getAttribute("href"))!,
  )![1]!;
  await expect(itemOf(panel, addedId).getByText(`编辑确认（${E2E_EDITOR.name}）`)).toBeVisible();
  await expect(itemOf(panel, addedId).getByText(note)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // The editor's own changes are listed on /editor.
  await page.goto("/editor");
  const mine = page.getByRole("region", { name: /^我最近的修改/ });
  for (const id of [confirmedId, rejectedId, addedId])
    await expect(mine.locator(`a[href="/links/${id}"]`)).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // A reader, in a fresh context: the confirmed and added links, not the rejected one, and no controls.
  const reader = await browser.newContext({ baseURL, locale: "zh-CN" });
  try {
    const anon = await reader.newPage();
    await anon.goto(speech);
    const readerPanel = panelOf(anon);
    await expect(itemOf(readerPanel, confirmedId).getByText(`编辑确认（${E2E_EDITOR.name}）`)).toBeVisible();
    await expect(itemOf(readerPanel, addedId).getByText(`编辑确认（${E2E_EDITOR.name}）`)).toBeVisible();
    await expect(readerPanel.locator(`a[href="/links/${rejectedId}"]`)).toHaveCount(0);
    await expect(readerPanel.getByRole("group", { name: /^编辑操作/ })).toHaveCount(0);
    await expect(
      anon.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "编辑工作台" }),
    ).toHaveCount(0);

    // The added link's public record: who added it, when, and why.
    await itemOf(readerPanel, addedId).getByRole("link", { name: "记录", exact: true }).click();
    await expect(anon).toHaveURL(new RegExp(`/links/${addedId}$`));
    await expect(anon.getByRole("heading", { level: 1, name: "关联记录" })).toBeVisible();
    const history = anon.getByRole("region", { name: /^修改记录（1）$/ });
    const added = history.getByRole("listitem");
    await expect(added).toContainText(`${E2E_EDITOR.name} 添加`);
    await expect(added).toContainText("编辑确认");
    await expect(added).toContainText(note);
    await expect(added.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expectNoSeriousA11yViolations(anon);

    await anon.goto(`/links/${confirmedId}`);
    await expect(anon.getByRole("region", { name: /^修改记录/ })).toContainText(`${E2E_EDITOR.name} 确认`);
    await expect(anon.getByRole("region", { name: /^修改记录/ })).toContainText(/机器建议.*编辑确认/);
    await expect(anon.getByRole("group", { name: /^编辑操作/ })).toHaveCount(0);

    // The rejected link keeps its public record.
    await anon.goto(`/links/${rejectedId}`);
    await expect(anon.getByRole("region", { name: /^修改记录/ })).toContainText(`${E2E_EDITOR.name} 驳回`);

    // Unknown ids are a real 404.
    const missing = await anon.goto("/links/no-such-link");
    expect(missing?.status()).toBe(404);
    await expect(anon.getByRole("heading", { name: "未找到该页面" })).toBeVisible();
  } finally {
    await reader.close();
  }
});

test("on a plan section an editor adds a document with a note; readers then find it under 相关发言与建议", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  await page.goto("/plan");
  // The outline streams in after the shell: wait for a chapter link before reading them.
  await page.getByRole("main").locator('a[href^="/plan/1"]').first().waitFor();
  const chapter = await page
    .getByRole("main")
    .locator('a[href^="/plan/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!).find((h) => /^\/plan\/[1-9]\d*$/.test(h))!);
  await signIn(page, chapter);

  // The first node of the chapter below the chapter itself, and a document it does not list yet.
  const related = page.locator('section[aria-labelledby^="links-"]').nth(1);
  const path = (await related.getAttribute("aria-labelledby"))!.slice("links-".length);
  await related.locator("summary", { hasText: "添加发言/建议" }).click();
  const form = related.getByRole("form", { name: /^添加发言\/建议：/ });
  const listed = new Set(
    await related
      .locator("li a")
      .evaluateAll((as) =>
        as.map((a) => decodeURIComponent(a.getAttribute("href")!.split(/[?#]/)[0]!.split("/").at(-1)!)),
      ),
  );
  // The form's script loads on demand: until it has, its submit button is disabled, and a choice
  // made before then could be reset when it hydrates.
  await expect(form.getByRole("button", { name: "添加到本条目" })).toBeEnabled();
  const select = form.getByLabel("文档");
  const documentId = (
    await select.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))
  ).find((v) => v && !listed.has(v))!;
  await select.selectOption(documentId);
  const note = `e2e：从规划条目 ${path} 添加 ${Date.now()}`;
  await form.getByLabel(/^备注/).fill(note);
  await form.getByRole("button", { name: "添加到本条目" }).click();
  await expect(form.getByRole("status")).toContainText("已添加。");
  const addedId = /^\/links\/(.+)$/.exec(
    (await form.getByRole("link", { name: "查看记录" }).getAttribute("href"))!,
  )![1]!;
  const item = related.locator("li").filter({ has: page.locator(`a[href="/links/${addedId}"]`) });
  await expect(item).toContainText(`编辑确认（${E2E_EDITOR.name}）`);
  await expect(item).toContainText(note);
  await expectNoSeriousA11yViolations(page);

  const reader = await browser.newContext({ baseURL, locale: "zh-CN" });
  try {
    const anon = await reader.newPage();
    await anon.goto(chapter);
    const readerRelated = anon.locator(`section[aria-labelledby="links-${path}"]`);
    const readerItem = readerRelated.locator("li").filter({ has: anon.locator(`a[href="/links/${addedId}"]`) });
    await expect(readerItem).toContainText(`编辑确认（${E2E_EDITOR.name}）`);
    await expect(readerRelated.locator("summary", { hasText: "添加发言/建议" })).toHaveCount(0);
    await anon.goto(`/links/${addedId}`);
    await expect(anon.getByRole("region", { name: /^修改记录（1）$/ })).toContainText(note);
  } finally {
    await reader.close();
  }
});
