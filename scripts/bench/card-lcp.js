// Largest Contentful Paint of one page on a phone over a throttled 4G connection, in a fresh browser each
// run (nothing cached, a new connection). The throttling is Lighthouse's "Slow 4G" as DevTools applies it:
// 562.5 ms request latency, 1.47 Mbit/s down, 0.66 Mbit/s up, the CPU slowed 4×; the viewport a 390-px
// phone. Uses the Playwright library the test project already carries (no download) and Debian's Chromium.
// Usage: node card-lcp.js PLAYWRIGHT_PACKAGE CHROMIUM URL RUNS  → one line per run: "lcp_ms bytes"
const [, , pkg, executablePath, url, runs] = process.argv;
const { chromium } = require(pkg);

(async () => {
  for (let i = 0; i < Number(runs); i++) {
    const browser = await chromium.launch({
      executablePath, headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: "pt-BR" });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let bytes = 0;
    cdp.on("Network.loadingFinished", e => { bytes += e.encodedDataLength; });
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false, latency: 562.5, downloadThroughput: 1474.56 * 1024 / 8, uploadThroughput: 675 * 1024 / 8,
    });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const response = await page.goto(url, { waitUntil: "load" });
    if (response.status() !== 200) throw new Error(`${url} answered ${response.status()}`);
    const lcp = await page.evaluate(() => new Promise(resolve => {
      new PerformanceObserver(list => { const all = list.getEntries(); resolve(all[all.length - 1].startTime); })
        .observe({ type: "largest-contentful-paint", buffered: true });
    }));
    console.log(`${lcp.toFixed(0)} ${bytes}`);
    await browser.close();
  }
})().catch(e => { console.error(e); process.exit(1); });
