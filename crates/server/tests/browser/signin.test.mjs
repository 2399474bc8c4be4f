// Sign-in in a real browser: headless Chromium signs in through a real OpenID Connect
// provider (tests/oidc/provider.mjs) to a catalog configured with it, as an administrator
// and as a plain user, and checks what each may reach. BASE_URL names that catalog; the
// administrator by configuration is root@example.org. Run by scripts/browser-tests.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const BASE = process.env.BASE_URL;
assert.ok(BASE, "BASE_URL must name the catalog with sign-in");
const SHOTS = process.env.SCREENSHOT_DIR || join(process.cwd(), "screenshots");
mkdirSync(SHOTS, { recursive: true });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A fresh browser context signed in as `email` through the provider's login form. */
async function signIn(email, name, { viewport = DESKTOP, locale = "en-GB" } = {}) {
  const context = await browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const problems = [];
  // The catalog's pages only (the provider's test pages have no favicon, for one).
  page.on("console", (m) => {
    const onCatalog = (m.location()?.url || page.url()).startsWith(BASE);
    if (onCatalog && (m.type() === "error" || /Content[- ]Security[- ]Policy/i.test(m.text()))) {
      problems.push(`${m.text()} at ${m.location()?.url}`);
    }
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(BASE + "/");
  // The header offers sign-in (folded in the menu on a phone): follow its link.
  const link = page.locator('header a[href^="/login?return_to="]');
  assert.equal(await link.count(), 1, "the header offers sign-in");
  await page.goto(BASE + (await link.getAttribute("href")));
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.href.startsWith(BASE));
  return { context, page, problems };
}

async function assertAccessible(page, label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      resultTypes: ["violations"],
    }),
  );
  const summary = result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.slice(0, 2).map((n) => n.target.join(" "))}`);
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

test("an administrator signs in, sees the header name, grants a curator; pages are accessible", async () => {
  const { context, page, problems } = await signIn("root@example.org", "Root Admin");
  assert.match(new URL(page.url()).pathname, /^\/$/);
  await assert.doesNotReject(page.getByRole("link", { name: /Root Admin/ }).waitFor());
  await page.goto(BASE + "/admin/roles?lang=en");
  assert.equal(await page.locator("h1").textContent(), "Roles");
  await page.getByLabel("E-mail address").fill("cura@example.org");
  await page.getByLabel("Role", { exact: true }).selectOption("curator");
  await page.getByRole("button", { name: "Give the role" }).click();
  await page.waitForURL(/\/admin\/roles/);
  assert.ok((await page.content()).includes("cura@example.org"), "the new curator is listed");
  await assertAccessible(page, "/admin/roles");
  await page.screenshot({ path: join(SHOTS, "admin-roles-en.png"), fullPage: true });
  await page.goto(BASE + "/admin/audit?lang=en");
  assert.ok((await page.content()).includes("role.grant"), "the grant is in the audit log");
  await assertAccessible(page, "/admin/audit");
  // Signing out goes on to the provider's logout (its page, then back to the catalog).
  const catalogProblems = [...problems];
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("button", { name: "Yes, sign me out" }).click();
  await page.waitForURL((url) => url.href.startsWith(BASE));
  assert.equal(await page.locator('header a[href^="/login?return_to="]').count(), 1, "signed out");
  assert.deepEqual(catalogProblems, [], "console errors (CSP violations?)");
  await context.close();
});

test("a plain user asks to publish and may not reach the administration", async () => {
  const { context, page, problems } = await signIn("ana@example.org", "Ana Lima", { viewport: PHONE, locale: "ar" });
  await page.goto(BASE + "/publish?lang=ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  await page.locator("#organisation").fill("World Food Programme");
  await page.locator("#organisation_id").fill("wfp");
  await page.locator("#forge_url").fill("https://gitlab.example.org/wfp");
  await page.locator("#evidence").fill("I run WFP's open source office.");
  await page.locator("form[action^='/publish'] button[type=submit]").click();
  await page.waitForURL(/\/publish/);
  assert.ok((await page.content()).includes("World Food Programme"), "the request is listed");
  await assertAccessible(page, "/publish (ar, phone)");
  await page.screenshot({ path: join(SHOTS, "publish-ar-phone.png"), fullPage: true });
  for (const path of ["/admin/roles", "/admin/requests", "/admin/audit"]) {
    const response = await page.goto(BASE + path);
    assert.equal(response.status(), 403, path);
  }
  const api = await page.goto(BASE + "/api/v1/audit");
  assert.equal(api.status(), 403);
  assert.deepEqual(problems.filter((p) => !/403/.test(p)), [], "console errors");
  await context.close();
});

test("the curator decides the request in Chinese on a phone", async () => {
  const { context, page } = await signIn("cura@example.org", "Cura", { viewport: PHONE, locale: "zh-CN" });
  await page.goto(BASE + "/admin/requests?lang=zh");
  await page.locator("textarea[name=reason]").first().fill("已核实。");
  await page.screenshot({ path: join(SHOTS, "admin-requests-zh-phone.png"), fullPage: true });
  await page.locator("button[value=accept]").first().click();
  await page.waitForURL(/\/admin\/requests/);
  assert.ok((await page.content()).includes("已核实。"), "the reason is shown");
  await assertAccessible(page, "/admin/requests (zh)");
  await context.close();
});

test("the accepted forge group is in the registry; a curator suspends it, and it is audited", async () => {
  const { context, page, problems } = await signIn("cura@example.org", "Cura", { viewport: DESKTOP, locale: "en-GB" });
  await page.goto(BASE + "/admin/publishers?lang=en");
  const row = page.locator("tr", { hasText: "(wfp)" });
  assert.ok((await row.textContent()).includes("https://gitlab.example.org/wfp"), "added with the acceptance");
  await assertAccessible(page, "/admin/publishers");
  await row.getByRole("link").click();
  await page.waitForURL(/\/admin\/publishers\/wfp/);
  await assertAccessible(page, "/admin/publishers/wfp");
  // A second forge: the blank line under the first one.
  await page.locator("#url-1").fill("https://github.com/wfp");
  await page.locator("#kind-1").selectOption("github");
  await page.getByRole("button", { name: "Save" }).click();
  await page.waitForURL(/\/admin\/publishers(\?|$)/);
  assert.ok((await page.locator("tr", { hasText: "(wfp)" }).textContent()).includes("https://github.com/wfp"));
  await page.goto(BASE + "/admin/publishers/wfp?lang=en");
  await page.locator("#reason").fill("Moving to the new forge.");
  await page.getByRole("button", { name: "Suspend" }).click();
  await page.waitForURL(/\/admin\/publishers\/wfp/);
  assert.ok((await page.content()).includes("Moving to the new forge."));
  await page.goto(BASE + "/admin/audit?lang=en&action=publisher.suspend");
  assert.ok((await page.content()).includes("publisher:wfp"), "the suspension is audited");
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});

test("the accepted requester issues an API token in Arabic on a phone; it is shown once", async () => {
  const { context, page, problems } = await signIn("ana@example.org", "Ana Lima", { viewport: PHONE, locale: "ar" });
  await page.goto(BASE + "/admin?lang=ar");
  await page.locator('a[href^="/admin/tokens/wfp"]').click();
  await page.locator("#label").fill("CI");
  await page.locator("form[action^='/admin/tokens/wfp'] button[type=submit]").click();
  await page.waitForLoadState();
  const secret = await page.locator("code.secret").textContent();
  assert.match(secret, /^cmn_/);
  await assertAccessible(page, "/admin/tokens (ar, phone)");
  await page.screenshot({ path: join(SHOTS, "admin-tokens-ar-phone.png"), fullPage: true });
  await page.goto(BASE + "/admin/tokens/wfp?lang=ar");
  assert.ok(!(await page.content()).includes(secret), "shown only once");
  assert.deepEqual(problems, [], "console errors");
  await context.close();
});
