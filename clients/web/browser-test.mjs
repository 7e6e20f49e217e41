// Serves the test page on its own origin (http://127.0.0.1:5173 by default) and drives it in Debian's
// Chromium with playwright-core against the API (http://127.0.0.1:5080 by default): every call the
// page makes is cross-origin, as a deployed front end's are. Prints each step and, last, one line
// "browser: N passed, N failed". Usage: node browser-test.mjs [api] [page-port]
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { chromium } from "playwright-core";

const api = process.argv[2] ?? "http://127.0.0.1:5080";
const port = Number(process.argv[3] ?? 5173);
const here = path.dirname(new URL(import.meta.url).pathname);
const files = {
  "/": [path.join(here, "index.html"), "text/html"],
  "/dist/story.js": [path.join(here, "dist/story.js"), "text/javascript"],
  "/vendor/openapi-fetch.mjs": [path.join(here, "../../node_modules/openapi-fetch/dist/index.mjs"), "text/javascript"],
};
const server = http.createServer((request, response) => {
  const pathname = new URL(request.url, "http://page").pathname;
  if (pathname === "/favicon.ico") return response.writeHead(204).end();
  const file = files[pathname];
  if (!file) return response.writeHead(404).end();
  response.writeHead(200, { "Content-Type": file[1] }).end(fs.readFileSync(file[0]));
});
await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
let passed = 0;
let failed = 0;
try {
  const page = await browser.newPage();
  page.on("console", (message) => console.log(`  [page ${message.type()}] ${message.text()}`));
  page.on("pageerror", (error) => console.log(`  [page error] ${error.message}`));
  await page.goto(`http://127.0.0.1:${port}/?api=${encodeURIComponent(api)}`);
  await page.waitForFunction(() => window.storyDone !== undefined);
  const steps = await page.evaluate(() => window.storyDone);
  for (const step of steps) {
    console.log(`${step.ok ? "ok    " : "FAILED"} ${step.name}: ${step.detail}`);
    if (step.ok) passed++;
    else failed++;
  }
  if (steps.length === 0) failed++;
} catch (error) {
  console.log(`FAILED the page did not run: ${error.message}`);
  failed++;
} finally {
  await browser.close();
  server.close();
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
