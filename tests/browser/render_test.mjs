// SPDX-License-Identifier: MIT
// Renders tarikh exports in the real TimelineJS 3 (npm) inside headless Chromium and checks
// what a reader sees. For each export directory (made by `tarikh export` or `tarikh build -o`):
//   1. timelinejs.json, loaded by a minimal page that includes TimelineJS from the npm
//      package and passes the JSON to new TL.Timeline (as any embedding site would);
//   2. timeline.html, the standalone page, opened as a file.
// Each check: one slide per event plus the title slide, the slide headlines (as text) in
// the timeline's chronological order, the tl-rtl class, no console error or page error,
// no request leaving the machine (only file: and data: URLs), no dialog, and
// window.__pwned never set (hostile fixtures set it from every payload that would run).
//
//   node render_test.mjs --chromium /usr/bin/chromium --timelinejs DIST_DIR \
//        --case NAME=EXPORT_DIR:TIMELINE_JSON [--case …]
// TIMELINE_JSON is the native timeline the export came from: the expected headlines and
// their order come from it, independently of the TimelineJS file under test.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

function parseArgs(argv) {
  const args = { cases: [], chromium: '/usr/bin/chromium', timelinejs: '' };
  for (let i = 0; i < argv.length; ++i) {
    const a = argv[i];
    if (a === '--chromium') args.chromium = argv[++i];
    else if (a === '--timelinejs') args.timelinejs = argv[++i];
    else if (a === '--case') {
      const [name, rest] = argv[++i].split(/=(.*)/s);
      const [dir, timeline] = rest.split(':');
      args.cases.push({ name, dir, timeline });
    } else throw new Error(`unknown argument ${a}`);
  }
  if (!args.timelinejs || args.cases.length === 0) throw new Error('need --timelinejs and --case');
  return args;
}

const failures = [];
function check(cond, what) {
  if (!cond) failures.push(what);
  return cond;
}

// Headlines the reader must see, in order: the timeline's events that have a date
// TimelineJS can place (every event of these fixtures has a calendar value), in the
// timeline's chronological order, which tarikh guarantees and TimelineJS keeps.
function expectedHeadlines(timelinePath) {
  const t = JSON.parse(fs.readFileSync(timelinePath, 'utf8'));
  return { title: t.title, headlines: t.events.map((e) => e.headline) };
}

async function inspect(page) {
  // Visit every slide so lazily built content is rendered too.
  const count = await page.evaluate(() => document.querySelectorAll('.tl-slide').length);
  for (let i = 0; i < count; ++i) {
    await page.evaluate((n) => window.timeline.goTo(n), i);
  }
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const root = document.querySelector('.tl-timeline');
    const slides = [...document.querySelectorAll('.tl-storyslider .tl-slide')];
    return {
      rootClass: root ? root.className : '',
      slides: slides.map((s) => ({
        title: s.classList.contains('tl-slide-titleslide'),
        headline: (s.querySelector('.tl-headline') || { textContent: null }).textContent,
        date: (s.querySelector('.tl-headline-date') || { textContent: '' }).textContent,
      })),
      loading: [...document.querySelectorAll('.tl-message-full, .tl-loading-message')]
        .filter((m) => m.offsetParent !== null && /loading|error/i.test(m.textContent))
        .map((m) => m.textContent),
      pwned: window.__pwned,
      injected: document.querySelectorAll(
        '.tl-storyslider img[onerror], .tl-storyslider svg[onload], .tl-storyslider script, ' +
        '.tl-storyslider iframe, .tl-timenav img[onerror], .tl-timenav script').length,
    };
  });
}

async function runPage(browser, label, url, setup, expected) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 800 } });
  const errors = [];
  const external = [];
  const dialogs = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('file:') || u.startsWith('data:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('requestfailed', (r) => {
    if (!external.includes(r.url())) errors.push(`request failed: ${r.url()}`);
  });
  await page.goto(url);
  if (setup) await setup(page);
  await page.waitForFunction(() => window.timeline && document.querySelectorAll('.tl-slide').length > 0,
    null, { timeout: 15000 }).catch(() => errors.push('no slide rendered within 15 s'));
  const seen = await inspect(page);
  await context.close();

  const where = `${label}`;
  check(seen.rootClass.split(/\s+/).includes('tl-rtl'), `${where}: container lacks tl-rtl (${seen.rootClass})`);
  check(errors.length === 0, `${where}: errors: ${errors.join(' | ')}`);
  check(external.length === 0, `${where}: requests left the machine: ${external.join(', ')}`);
  check(dialogs.length === 0, `${where}: a dialog opened: ${dialogs.join(', ')}`);
  check(seen.pwned === undefined, `${where}: injected script ran (window.__pwned = ${seen.pwned})`);
  check(seen.injected === 0, `${where}: ${seen.injected} injected active elements in the DOM`);
  check(seen.loading.length === 0, `${where}: stuck on a message: ${seen.loading.join(' | ')}`);
  const slides = seen.slides;
  check(slides.length === expected.headlines.length + 1,
    `${where}: ${slides.length} slides, expected ${expected.headlines.length} events + title`);
  // An untitled timeline gets a generic Arabic title; a titled one shows its title as text.
  check(slides.length > 0 && slides[0].title &&
      (expected.title ? slides[0].headline === expected.title : slides[0].headline.length > 0),
    `${where}: first slide is not the title "${expected.title}" (got "${slides[0] && slides[0].headline}")`);
  const got = slides.filter((s) => !s.title).map((s) => s.headline);
  check(JSON.stringify(got) === JSON.stringify(expected.headlines),
    `${where}: headlines differ from the timeline's order\n  got:      ${JSON.stringify(got)}\n  expected: ${JSON.stringify(expected.headlines)}`);
  check(slides.filter((s) => !s.title).every((s) => s.date.trim().length > 0),
    `${where}: a slide shows no date`);
  return slides.length;
}

const args = parseArgs(process.argv.slice(2));
const dist = args.timelinejs;
const arJson = fs.readFileSync(path.join(dist, 'js/locale/ar.json'), 'utf8');
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tarikh-chromium-'));
const started = Date.now();
const browser = await chromium.launch({
  executablePath: args.chromium,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  // launch() always starts Chromium with a fresh temporary --user-data-dir of its own (it
  // refuses the flag); our temporary folder holds only the harness pages.
});
try {
  for (const c of args.cases) {
    const expected = expectedHeadlines(c.timeline);
    // 1. The TimelineJS JSON in a minimal embedding page.
    const harness = path.join(userDataDir, `${c.name}-harness.html`);
    fs.writeFileSync(harness, `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(path.join(dist, 'css/timeline.css'))}">
<script src="${pathToFileURL(path.join(dist, 'js/timeline.js'))}"></script></head>
<body style="height:760px"><div id="tl" style="height:100%"></div></body></html>`);
    const data = JSON.parse(fs.readFileSync(path.join(c.dir, 'timelinejs.json'), 'utf8'));
    const n1 = await runPage(browser, `${c.name}/timelinejs.json`, pathToFileURL(harness).href,
      (page) => page.evaluate(([d, ar]) => {
        const language = 'data:application/json;charset=utf-8,' + encodeURIComponent(ar) + '#.json';
        window.timeline = new TL.Timeline('tl', d, { language, font: null });
      }, [data, arJson]), expected);
    // 2. The standalone page as a file.
    const n2 = await runPage(browser, `${c.name}/timeline.html`,
      pathToFileURL(path.resolve(c.dir, 'timeline.html')).href, null, expected);
    console.log(`${c.name}: ${n1} slides (JSON), ${n2} slides (page)`);
  }
} finally {
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
console.log(`browser test: ${args.cases.length} case(s) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  process.exit(1);
}
console.log('browser test: all checks passed');
