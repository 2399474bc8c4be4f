// Browser tests of the web UI: real headless Chromium against a running `commons serve --demo`.
// BASE_URL names the server; SCREENSHOT_DIR is where page screenshots go.
// Run through scripts/browser-tests.sh, which starts the server and sets both.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { launch } from "./browser.mjs";

const BASE = process.env.BASE_URL;
assert.ok(BASE, "BASE_URL must name the running server (scripts/browser-tests.sh sets it)");
const SHOTS = process.env.SCREENSHOT_DIR || join(process.cwd(), "screenshots");
mkdirSync(SHOTS, { recursive: true });
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens `path` in a fresh context; records console errors (CSP violations among them),
 * uncaught exceptions and dialogs, which every test then expects to be empty. */
async function open(path, { viewport = DESKTOP, locale = "en-GB", colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport, locale, colorScheme });
  const page = await context.newPage();
  const problems = { console: [], errors: [], dialogs: [] };
  page.on("console", (m) => {
    if (m.type() === "error" || /Content[- ]Security[- ]Policy/i.test(m.text())) {
      problems.console.push(m.text());
    }
  });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("dialog", async (d) => {
    problems.dialogs.push(d.message());
    await d.dismiss();
  });
  const response = await page.goto(BASE + path);
  return { context, page, problems, response };
}

/** Nothing went wrong in the page: no CSP violation, no script error, no dialog.
 * `allow` lists console messages the test expects (a 404 page logs its own status). */
function assertClean({ problems }, allow = []) {
  const unexpected = problems.console.filter((m) => !allow.some((pattern) => pattern.test(m)));
  assert.deepEqual(unexpected, [], "console errors (CSP violations?)");
  assert.deepEqual(problems.errors, [], "uncaught script errors");
  assert.deepEqual(problems.dialogs, [], "dialogs opened");
}

/** axe-core on the whole page at WCAG 2.1 A and AA: zero violations. It is evaluated
 * through the debugging protocol, which the page's CSP does not govern. */
async function assertAccessible(page, label) {
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    WCAG_TAGS,
  );
  const summary = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${label}`);
}

async function screenshot(page, name, fullPage = true) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function json(path) {
  const response = await fetch(BASE + path);
  assert.equal(response.status, 200, path);
  return response.json();
}

/** The first listed entry that has a description in `tag` and one that has none. */
async function entries() {
  const page = await json("/api/v1/software?limit=100&lang=ar");
  return page.items;
}

test("home page in English: search box, facets, recent entries; accessible", async () => {
  const opened = await open("/?lang=en");
  const { page, context, response } = opened;
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute("html", "lang"), "en");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.match(await page.textContent("h1"), /Find open-source software to reuse/);
  assert.ok(await page.isVisible("input[name=q]"));
  assert.ok((await page.locator(".browse-group").count()) >= 2, "facets to browse");
  assert.ok((await page.locator(".cards .card").count()) > 0, "recent entries");
  await assertAccessible(page, "home en");
  assertClean(opened);
  await screenshot(page, "home-en");
  await context.close();
});

test("home page in Arabic is right to left, translated, accessible", async () => {
  const opened = await open("/?lang=ar");
  const { page, context } = opened;
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.match(await page.textContent("h1"), /ابحث عن برمجيات/);
  // The layout mirrors: the brand sits on the right of the header.
  const brand = await page.locator(".brand").boundingBox();
  assert.ok(brand.x > DESKTOP.width / 2, `brand at x=${brand.x} should be on the right`);
  await assertAccessible(page, "home ar");
  assertClean(opened);
  await screenshot(page, "home-ar");
  await context.close();
});

test("the language follows Accept-Language and the switcher, and links keep it", async () => {
  const opened = await open("/", { locale: "fr-FR" });
  const { page, context } = opened;
  assert.equal(await page.getAttribute("html", "lang"), "fr");
  assert.match(await page.textContent("h1"), /Trouvez un logiciel libre/);
  await page.click(".languages a[hreflang=ar]");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  assert.match(page.url(), /lang=ar/);
  await page.click(".main-nav a[href^='/organisations']");
  assert.match(page.url(), /\/organisations\?lang=ar/);
  assert.equal(await page.getAttribute("html", "lang"), "ar");
  await page.click(".languages a[hreflang=zh]");
  assert.equal(await page.getAttribute("html", "lang"), "zh");
  assert.equal(await page.getAttribute("html", "dir"), "ltr");
  assert.match(await page.textContent("h1"), /组织/);
  assertClean(opened);
  await context.close();
});

for (const lang of ["en", "ar"]) {
  test(`results in ${lang}: clicking a facet filters, clicking again removes it; accessible`, async () => {
    const opened = await open(`/software?lang=${lang}`);
    const { page, context } = opened;
    const total = await page.textContent("#results-count");
    const first = page.locator("#facet-category + ul .facet-value").first();
    const label = (await first.locator(".facet-label").textContent()).trim();
    const count = Number(await first.locator(".count").textContent());
    assert.ok(count > 0);
    await Promise.all([page.waitForURL(/category=/), first.click()]);
    assert.equal(await page.getAttribute("html", "lang"), lang, "the filter link keeps the language");
    assert.equal(await page.evaluate(() => document.activeElement.id), "results-count", "focus lands on the results");
    assert.match(await page.textContent("#results-count"), new RegExp(String(count)));
    assert.notEqual(await page.textContent("#results-count"), total);
    const cards = page.locator(".cards .card");
    assert.equal(await cards.count(), Math.min(count, 20));
    const selected = page.locator("#facet-category + ul .facet-value.selected");
    assert.equal(await selected.count(), 1);
    assert.match(await selected.textContent(), new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    await assertAccessible(page, `results ${lang} filtered`);
    await screenshot(page, `results-${lang}`, false);
    await Promise.all([page.waitForURL((url) => !url.search.includes("category=")), selected.click()]);
    assert.equal(await page.textContent("#results-count"), total);
    assertClean(opened);
    await context.close();
  });
}

test("choosing a sort with the keyboard reloads nothing until the Sort button", async () => {
  const opened = await open("/software?lang=en");
  const { page, context } = opened;
  await page.focus("#sort");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  await page.waitForTimeout(300);
  assert.ok(!page.url().includes("sort="), `still ${page.url()}`);
  await page.keyboard.press("Tab");
  await Promise.all([page.waitForURL(/sort=/), page.keyboard.press("Enter")]);
  assert.equal(await page.evaluate(() => document.activeElement.id), "results-count", "focus lands on the results");
  assertClean(opened);
  await context.close();
});

test("results sort by name and page through without JavaScript", async () => {
  const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE}/software?lang=en`);
  await page.selectOption("#sort", "name");
  await Promise.all([page.waitForURL(/sort=name/), page.click(".sort button")]);
  const names = await page.locator(".card-title a").allTextContents();
  const api = await json("/api/v1/software?sort=name&lang=en");
  assert.deepEqual(names, api.items.map((i) => i.name), "the index's order by name");
  const unsorted = await json("/api/v1/software?sort=updated&lang=en");
  assert.notDeepEqual(names, unsorted.items.map((i) => i.name));
  const next = page.locator(".pagination a[rel=next]");
  assert.equal(await next.count(), 1, "more than one page of results");
  await Promise.all([page.waitForURL(/cursor=/), next.click()]);
  const second = await page.locator(".card-title a").allTextContents();
  assert.ok(second.length > 0);
  assert.ok(!second.includes(names[0]), "the second page shows other entries");
  assert.equal(await page.locator(".pagination a[aria-current=page]").textContent().then((t) => t.trim().slice(-1)), "2");
  await context.close();
});

test("a search for text shows highlighted matches", async () => {
  const opened = await open("/software?lang=en&q=refugee");
  const { page, context } = opened;
  assert.ok((await page.locator(".cards .card").count()) > 0);
  assert.ok((await page.locator(".card-text mark").count()) > 0, "highlighted words");
  assertClean(opened);
  await context.close();
});

/** Waits until the server searches by meaning (the model loads and the demo is embedded in
 * the background after the server is ready): a Chinese word then finds English entries. */
async function meaningReady() {
  for (let i = 0; i < 600; i++) {
    const page = await json(`/api/v1/software?q=${encodeURIComponent("健康")}`);
    if (page.total > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail("search by meaning never became ready (is the model installed? see the server log)");
}

for (const [lang, viewport] of [["zh", PHONE], ["ar", PHONE], ["en", DESKTOP]]) {
  test(`search by meaning in ${lang}: a result found by meaning says so; similar entries on the software page; the duplicates page; accessible`, async () => {
    await meaningReady();
    const opened = await open(`/software?lang=${lang}&q=${encodeURIComponent("健康")}`, { viewport });
    const { page, context } = opened;
    assert.ok((await page.locator(".cards .card").count()) > 0, "the Chinese word finds entries");
    const why = page.locator(".card-why").first();
    assert.ok(await why.isVisible(), "the reason is shown");
    assert.ok((await why.textContent()).trim().length > 0);
    await assertAccessible(page, `meaning results ${lang}`);
    assertClean(opened);
    await screenshot(page, `meaning-results-${lang}`, false);
    await context.close();

    const items = await entries();
    const docvault = items.find((i) => i.name === "DocVault");
    const software = await open(`/software/${docvault.id}?lang=${lang}`, { viewport });
    const heading = software.page.locator("#similar-heading");
    assert.ok(await heading.isVisible(), "the similar entries are listed");
    assert.ok((await software.page.locator(".similar li").count()) > 0);
    const width = await software.page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= viewport.width, `no sideways scroll (${width} px)`);
    await assertAccessible(software.page, `similar ${lang}`);
    assertClean(software);
    await heading.scrollIntoViewIfNeeded();
    await screenshot(software.page, `similar-${lang}`, false);
    await software.context.close();

    const duplicates = await open(`/duplicates?lang=${lang}`, { viewport });
    assert.equal(duplicates.response.status(), 200);
    assert.ok(await duplicates.page.isVisible("h1"));
    await assertAccessible(duplicates.page, `duplicates ${lang}`);
    assertClean(duplicates);
    await duplicates.context.close();
  });
}

for (const lang of ["en", "ar"]) {
  test(`software page in ${lang}: publiccode fields, history; accessible`, async () => {
    const items = await entries();
    const entry = items.find((i) => i.name === "Bibliotheca") ?? items[0];
    const opened = await open(`/software/${entry.id}?lang=${lang}`);
    const { page, context } = opened;
    assert.equal(await page.textContent("h1"), entry.name);
    for (const id of ["#description-heading", "#maintenance-heading", "#history-heading", "#facts-heading"]) {
      assert.ok(await page.isVisible(id), id);
    }
    assert.ok(await page.isVisible(`.facts dd:has-text("${entry.license}")`), "license shown");
    assert.equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr");
    await assertAccessible(page, `software ${lang}`);
    assertClean(opened);
    await screenshot(page, `software-${lang}`);
    await context.close();
  });
}

for (const [lang, phone, name] of [
  ["zh", true, "software-assessment-zh-phone"],
  ["ar", false, "software-assessment-ar"],
  ["en", false, "software-assessment-en"],
]) {
  test(`the security checks and their evidence are said in ${lang}${phone ? " on a phone" : ""}`, async () => {
    const items = await entries();
    const entry = items.find((i) => i.name === "Case Compass") ?? items[0];
    const opened = await open(`/software/${entry.id}?lang=${lang}`, phone ? { viewport: PHONE } : {});
    const { page, context } = opened;
    await page.evaluate(() =>
      document.querySelectorAll("section[aria-labelledby=assess-security] details").forEach((d) => (d.open = true)),
    );
    const security = page.locator("section[aria-labelledby=assess-security]");
    assert.ok(await security.isVisible(), "assessed");
    assert.equal(await security.locator("[lang=en]").count(), 0, "nothing left in English");
    const reasons = await security.locator("tbody tr td:last-child > span:first-child").allTextContents();
    assert.ok(reasons.length >= 10, `${reasons.length} reasons`);
    if (lang === "zh") assert.ok(reasons.every((r) => /[\u4e00-\u9fff]/.test(r)), reasons.join(" | "));
    if (lang === "ar") assert.ok(reasons.every((r) => /[\u0600-\u06ff]/.test(r)), reasons.join(" | "));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= (phone ? 390 : 1280), `the page is ${width}px wide`);
    await assertAccessible(page, `assessment ${lang}`);
    assertClean(opened);
    await security.screenshot({ path: join(SHOTS, `${name}.png`) });
    await context.close();
  });
}

test("a description missing in the reader's language falls back with a note and a lang attribute", async () => {
  const items = await entries();
  const entry = items.find((i) => !i.descriptionLanguage.startsWith("ar"));
  assert.ok(entry, "an entry without an Arabic description");
  const opened = await open(`/software/${entry.id}?lang=ar`);
  const { page, context } = opened;
  const note = page.locator("section[aria-labelledby=description-heading] .notice");
  assert.match(await note.textContent(), /غير متاح باللغة العربية/);
  const prose = page.locator(".prose");
  assert.equal(await prose.getAttribute("lang"), entry.descriptionLanguage);
  assertClean(opened);
  await context.close();
});

test("on a phone the header folds into a language and a menu disclosure, and the filters into one above the results", async () => {
  const opened = await open("/software?lang=en", { viewport: PHONE });
  const { page, context } = opened;
  const header = await page.locator(".site-header").boundingBox();
  assert.ok(header.height <= 110, `the header takes ${header.height}px`);
  assert.ok(!(await page.isVisible(".main-nav a[href^='/organisations']")), "the menu is folded");
  assert.ok(!(await page.isVisible(".languages a[hreflang=zh]")), "the languages are folded");
  await page.click(".site-menu > summary");
  assert.ok(await page.isVisible(".main-nav a[href^='/organisations']"), "the menu opens");
  await page.keyboard.press("Escape");
  assert.ok(!(await page.isVisible(".main-nav a[href^='/organisations']")), "Escape closes it");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Menu", "focus back on its summary");
  // The filters: one line above the results, folded, opened on demand.
  const filters = await page.locator(".filters-menu > summary").boundingBox();
  const results = await page.locator("#results-count").boundingBox();
  assert.ok(filters.y < results.y, "the filters come before the results");
  assert.ok(!(await page.isVisible("#facet-category")), "folded");
  await page.click(".filters-menu > summary");
  assert.ok(await page.isVisible("#facet-category"), "opened");
  await assertAccessible(page, "results en phone, filters open");
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `page is ${width}px wide`);
  // Another language through the folded switcher.
  await page.click(".lang-menu > summary");
  await Promise.all([page.waitForURL(/lang=zh/), page.click(".languages a[hreflang=zh]")]);
  assert.equal(await page.getAttribute("html", "lang"), "zh");
  assert.ok(!(await page.isVisible(".languages a[hreflang=ar]")), "folded again on the new page");
  await screenshot(page, "results-zh-phone", false);
  assertClean(opened);
  await context.close();
});

test("the software page at phone width stays within the screen", async () => {
  const items = await entries();
  const entry = items.find((i) => i.name === "Bibliotheca") ?? items[0];
  const opened = await open(`/software/${entry.id}?lang=ar`, { viewport: PHONE });
  const { page, context } = opened;
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `page is ${width}px wide on a ${PHONE.width}px screen`);
  // The assessment in brief starts in the first screen, before the long description.
  const summaryTop = await page.evaluate(() => document.getElementById("summary-heading").getBoundingClientRect().top);
  assert.ok(summaryTop < PHONE.height, `the summary starts ${summaryTop}px down a ${PHONE.height}px screen`);
  assert.ok((await page.locator(".summary-item").count()) >= 3, "the parts of the assessment");
  await assertAccessible(page, "software ar phone");
  await screenshot(page, "software-ar-phone");
  assertClean(opened);
  await context.close();
});

for (const lang of ["en", "ar"]) {
  test(`organisations in ${lang}: list, then one organisation's page; accessible`, async () => {
    const opened = await open(`/organisations?lang=${lang}`);
    const { page, context } = opened;
    const links = page.locator(".org-card a");
    assert.ok((await links.count()) >= 5);
    await assertAccessible(page, `organisations ${lang}`);
    const name = (await links.first().locator(".org-name").textContent()).trim();
    await Promise.all([page.waitForURL(/\/organisations\/[^?]+\?lang=/), links.first().click()]);
    assert.equal((await page.textContent("h1")).trim(), name);
    assert.ok((await page.locator(".cards .card").count()) > 0);
    await assertAccessible(page, `organisation ${lang}`);
    assertClean(opened);
    await screenshot(page, `organisation-${lang}`);
    await context.close();
  });
}

const INVALID = `publiccodeYmlVersion: "0"
name: Broken
url: "https://example.org/broken"
platforms:
  - web
developmentStatus: flying
softwareType: standalone/web
`;

for (const lang of ["en", "ar"]) {
  test(`validator in ${lang}: pasted file, errors against numbered lines; accessible`, async () => {
    const opened = await open(`/validate?lang=${lang}`);
    const { page, context } = opened;
    await assertAccessible(page, `validator ${lang}`);
    await page.fill("#source", INVALID);
    await Promise.all([page.waitForLoadState("load"), page.click(".validate-form button[type=submit]")]);
    await page.waitForSelector(".verdict-invalid");
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.locator(".source-lines tbody tr").count(), INVALID.trimEnd().split("\n").length);
    const line6 = page.locator("#line-6");
    assert.match(await line6.getAttribute("class"), /has-problem/);
    assert.match(await line6.textContent(), /developmentStatus/);
    assert.ok((await page.locator(".verdict .diagnostic.error a[href='#line-6']").count()) >= 1);
    assert.equal(await page.inputValue("#source"), INVALID, "the text stays in the form");
    // The file's lines and the text area stay monospace whatever the page's language.
    for (const selector of ["#line-6 td > code", "#source"]) {
      const family = await page.locator(selector).evaluate((el) => getComputedStyle(el).fontFamily);
      assert.match(family, /monospace/, `${selector} in ${lang}: ${family}`);
    }
    await assertAccessible(page, `validator ${lang} with errors`);
    assertClean(opened);
    await screenshot(page, `validate-${lang}`);
    await context.close();
  });
}

test("the validator accepts an uploaded valid file", async () => {
  const items = await entries();
  const raw = await fetch(`${BASE}/api/v1/software/${items[0].id}/publiccode.yml`).then((r) => r.text());
  const opened = await open("/validate?lang=en");
  const { page, context } = opened;
  await page.setInputFiles("#file", { name: "publiccode.yml", mimeType: "application/yaml", buffer: Buffer.from(raw) });
  await Promise.all([page.waitForLoadState("load"), page.click(".validate-form button[type=submit]")]);
  await page.waitForSelector(".verdict-valid");
  assertClean(opened);
  await context.close();
});

test("a validation posted without the form's token is refused (CSRF)", async () => {
  const opened = await open("/validate?lang=en");
  const { page, context } = opened;
  // The page's cookie is sent, but the token field is missing or wrong: both are refused.
  const missing = await page.request.post(`${BASE}/validate`, { multipart: { source: INVALID } });
  assert.equal(missing.status(), 403);
  const wrong = await page.request.post(`${BASE}/validate`, {
    multipart: { source: INVALID, csrf: "0".repeat(32) },
  });
  assert.equal(wrong.status(), 403);
  // With the token the page holds, the same request goes through.
  const token = await page.inputValue("input[name=csrf]");
  const good = await page.request.post(`${BASE}/validate`, { multipart: { source: INVALID, csrf: token } });
  assert.equal(good.status(), 200);
  await context.close();
});

test("the dark colour scheme keeps its contrast (axe) on the main pages", async () => {
  const items = await entries();
  for (const path of ["/?lang=en", "/software?lang=ar", `/software/${items[0].id}?lang=en`, "/validate?lang=fr"]) {
    const opened = await open(path, { colorScheme: "dark" });
    const background = await opened.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(background, "rgb(14, 22, 33)", "the dark scheme applies");
    await assertAccessible(opened.page, `${path} (dark)`);
    assertClean(opened);
    await opened.context.close();
  }
});

test("an unknown address answers a translated 404 page", async () => {
  const opened = await open("/no/such/page?lang=ru");
  const { page, context, response } = opened;
  assert.equal(response.status(), 404);
  assert.equal(await page.getAttribute("html", "lang"), "ru");
  assert.match(await page.textContent("h1"), /Страница не найдена/);
  await assertAccessible(page, "404 ru");
  assertClean(opened, [/status of 404/]);
  await context.close();
});

test("the methodology page in every language is accessible, at desktop and phone widths", async () => {
  for (const lang of ["ar", "zh", "en", "fr", "ru", "es"]) {
    for (const viewport of [DESKTOP, PHONE]) {
      const opened = await open(`/methodology?lang=${lang}`, { viewport });
      const { page, context } = opened;
      assert.equal(await page.getAttribute("html", "lang"), lang);
      assert.equal(await page.locator("article section h2").count(), 8, "every part explained");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= viewport.width, `methodology ${lang} is ${width}px wide`);
      await assertAccessible(page, `methodology ${lang} ${viewport.width}`);
      if (viewport === PHONE && ["ar", "zh", "en"].includes(lang)) await screenshot(page, `methodology-${lang}-phone`);
      assertClean(opened);
      await context.close();
    }
  }
});

test("the about page in every language is accessible", async () => {
  for (const lang of ["ar", "zh", "en", "fr", "ru", "es"]) {
    const opened = await open(`/about?lang=${lang}`);
    assert.equal(await opened.page.getAttribute("html", "lang"), lang);
    await assertAccessible(opened.page, `about ${lang}`);
    assertClean(opened);
    await opened.context.close();
  }
});

for (const lang of ["en", "ar"]) {
  test(`crawl status in ${lang}: empty state, outcome guide, a URL search; accessible`, async () => {
    const opened = await open(`/status?lang=${lang}`);
    const { page, context } = opened;
    assert.equal(await page.getAttribute("html", "lang"), lang);
    assert.equal(await page.locator(".main-nav a[aria-current=page]").count(), 1, "the navigation entry");
    // The demo has never crawled: the page says how crawling works and links the validator.
    assert.ok(await page.isVisible("#empty-heading"));
    assert.ok(await page.isVisible(`.empty-state a[href="/validate?lang=${lang}"]`));
    assert.equal(await page.locator(".outcome-guide dt").count(), 8, "every outcome explained");
    await assertAccessible(page, `status ${lang}`);
    await screenshot(page, `status-empty-${lang}`);
    // A repository the crawler never saw: the answer says so, in the page's language.
    await page.fill("#status-url", "https://git.example.org/agency/project");
    await Promise.all([page.waitForURL(/url=/), page.click(".status-search button")]);
    assert.equal(await page.getAttribute("html", "lang"), lang, "the form keeps the language");
    assert.ok(await page.isVisible("#unknown-heading"));
    await assertAccessible(page, `status ${lang} unknown repository`);
    assertClean(opened, [/status of 404/]);
    await context.close();
  });
}

for (const lang of ["en", "ar"]) {
  test(`license guide in ${lang}: families, licenses, compatibility; accessible`, async () => {
    const opened = await open(`/licenses?lang=${lang}`);
    const { page, context } = opened;
    assert.equal(await page.getAttribute("html", "dir"), lang === "ar" ? "rtl" : "ltr");
    assert.equal(await page.locator(".families dt").count(), 5);
    assert.equal(await page.locator(".license-card").count(), 15);
    assert.ok((await page.locator("table.compat tbody tr").count()) >= 5);
    // A license's family links to its explanation.
    await page.click("#agpl-3-0-only a.family");
    assert.match(page.url(), /#family-network-copyleft$/);
    await assertAccessible(page, `licenses ${lang}`);
    await screenshot(page, `licenses-${lang}`, false);
    assertClean(opened);
    await context.close();
  });
}
