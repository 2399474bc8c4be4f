// The security fixture (crates/demo/fixtures/markup-sanitiser-fixture.yml) in a real browser:
// an entry whose texts hold markup and script payloads. It is no demo entry: scripts/browser-
// tests.sh imports it beside the demo after ui.test.mjs has run (and taken the screenshots of
// the demo), then runs this file against the same server.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const BASE = process.env.BASE_URL;
assert.ok(BASE, "BASE_URL must name the running server (scripts/browser-tests.sh sets it)");
const SHOTS = process.env.SCREENSHOT_DIR || join(process.cwd(), "screenshots");
mkdirSync(SHOTS, { recursive: true });
const DESKTOP = { width: 1280, height: 900 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function screenshot(page, name, fullPage = true) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function json(path) {
  const response = await fetch(BASE + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

test("the security fixture's payloads render as inert text: no script runs", async () => {
  const found = await json("/api/v1/software?organisation=unicc&limit=100");
  const fixture = found.items.find((i) => i.name.includes("<script>"));
  assert.ok(fixture, "the security fixture, imported beside the demo");
  for (const lang of ["en", "fr", "ar"]) {
    const context = await browser.newContext({ viewport: DESKTOP });
    // A flag any executed payload could set; alert() would open a dialog, which is recorded.
    await context.addInitScript(() => {
      window.__xss = false;
    });
    const page = await context.newPage();
    const dialogs = [];
    page.on("dialog", async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${BASE}/software/${fixture.id}?lang=${lang}`);
    await page.mouse.move(200, 200);
    await page.hover("h1");
    assert.deepEqual(dialogs, [], `no dialog (${lang})`);
    assert.deepEqual(errors, []);
    assert.equal(await page.evaluate(() => window.__xss), false);
    // The payloads are on the page as text, and no element came from them.
    assert.match(await page.textContent("h1"), /<script>alert\('name'\)<\/script>/);
    const body = await page.textContent("main");
    assert.ok(body.includes(`onerror=`), "the onerror payload is visible as text");
    assert.equal(await page.locator("main script, main iframe, main svg, main img[src=x], main style").count(), 0);
    assert.equal(await page.locator("a[href^='javascript:' i]").count(), 0);
    if (lang === "en") {
      await screenshot(page, "security-fixture-en");
    }
    await context.close();
  }
  // The results list and search snippets escape the same texts.
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  const problems = [];
  page.on("dialog", async (d) => {
    problems.push(d.message());
    await d.dismiss();
  });
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(`${BASE}/software?lang=en&q=sanitiser`);
  assert.ok((await page.locator(".cards .card").count()) > 0);
  assert.deepEqual(problems, []);
  await context.close();
});
