// One headless Chromium per build (Debian's, never a downloaded one), with a pool of reused tabs.
// Every call to it is bounded: Puppeteer's protocolTimeout is the article's --timeout, not its 180 s default.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { ImprintError } from '../errors.js';
import { withDeadline } from './deadline.js';
import { TabPool } from './tab-pool.js';

export const defaultChromium = '/usr/bin/chromium';
/** How long a healthy browser takes at most to answer a trivial call, or to close. */
const responsiveMs = 5_000;

export function chromiumPath(): string {
  return process.env.IMPRINT_CHROMIUM ?? process.env.PUPPETEER_EXECUTABLE_PATH ?? defaultChromium;
}

export async function launchBrowser({ timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ImprintError(
      `Chromium not found at ${executablePath}`,
      undefined,
      'Run "npm run setup" (installs Debian\'s chromium), or set IMPRINT_CHROMIUM to a Chromium binary.',
    );
  }
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    // Over a pipe, not a WebSocket: Chromium exits when its pipe closes, so a build killed with SIGKILL (the
    // OOM killer, a job scheduler) leaves no browser behind; over a WebSocket it stayed, orphaned.
    pipe: true,
    // No call may wait longer than an article is allowed to take (newPage, evaluate, screenshot, close…).
    protocolTimeout: timeoutMs,
    timeout: Math.max(timeoutMs, 30_000),
    // The CLI handles Ctrl-C and SIGTERM itself (clean up, then exit 130/143); Puppeteer's handlers would exit first.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    args: [
      // Root cannot use Chromium's sandbox; the pages we load are our own templates and local files.
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      // Tabs we are not looking at must still lay out, raster and print at full speed.
      '--disable-background-timer-throttling',
      '--disable-renderer-backgrounding',
      '--disable-backgrounding-occluded-windows',
      // Unhinted glyph outlines: the PDF gets the font's real metrics, not screen-hinted ones.
      '--font-render-hinting=none',
    ],
  });
  // A write to a browser that has just exited (a tab closed while a stopped build closes Chromium) fails with
  // EPIPE after Puppeteer has stopped listening to the pipe: unheard, that error ended the process (exit 1,
  // not 143). The connection's own close already fails every call still waiting.
  for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
  return browser;
}

/**
 * The build's browser and its tabs: the browser it was given, or one launched when tabs are first asked for
 * (a build of EPUBs alone never asks, and launches none), replaced by a fresh launch if it dies or stops
 * answering mid-build. Closes every browser it launched or was handed to own: at close(), or as soon as the
 * last publication is done with it (see closeWhenReleased).
 */
export interface BrowserHandle {
  /** The current browser's tabs (it may still be starting), held until `release`. */
  hold(): BrowserHold;
  /** After a failure with `used`: if that browser is gone or frozen, kill it and launch another (once). */
  replaceIfUnwell(used: TabPool): Promise<void>;
  /**
   * No publication will hold the browser any more but those that hold it now: the browsers this handle owns
   * close once these are released, while the last PDFs are finished and the EPUBs packed, rather than after.
   * One held after all (a retry) launches a fresh browser.
   */
  closeWhenReleased(): void;
  close(): Promise<void>;
}

export interface BrowserHold {
  tabs: TabPool;
  /** Done with the browser; the second call does nothing. */
  release(): void;
}

export function browserHandle({
  given,
  launched: handed,
  tabs,
  timeoutMs,
}: {
  /** A browser its caller keeps, and closes. */
  given?: Promise<Browser>;
  /** A browser launched for this build, which the handle owns. */
  launched?: Promise<Browser>;
  tabs: number;
  timeoutMs: number;
}): BrowserHandle {
  // The pool is there at once, while its browser starts (see TabPool); its first tab opens as soon as the
  // browser is up (TabPool.warm).
  const pool = (browser: Promise<Browser>) => {
    const opened = new TabPool(browser, tabs, timeoutMs);
    opened.warm();
    return opened;
  };
  let browser = given ?? handed;
  let current = browser && pool(browser);
  const owned: Promise<Browser>[] = handed && !given ? [handed] : [];
  const launched = () => {
    if (!current) {
      browser = launchBrowser({ timeoutMs });
      owned.push(browser);
      current = pool(browser);
    }
    return current;
  };
  // Articles that fail together on the same browser share one check and one replacement.
  let checking: { of: TabPool; done: Promise<void> } | undefined;
  const replace = async () => {
    const unwell = browser!;
    if (await isResponsive(unwell)) return;
    await killBrowser(unwell);
    browser = launchBrowser({ timeoutMs });
    current = pool(browser);
    owned.push(browser);
  };
  const closeOwned = async () => {
    const [closing, browsers] = [current, owned.splice(0)];
    current = browser = undefined;
    await closing?.close().catch(() => undefined);
    await Promise.all(browsers.map(closeBrowser));
  };
  let holders = 0;
  let lastHolders = false;
  let closedEarly: Promise<void> | undefined;
  // A browser it was given is its caller's to close; an early close is for the handle's own.
  const closeIfUnheld = () => {
    if (holders === 0 && lastHolders && !given && current) closedEarly = closeOwned();
  };
  return {
    hold() {
      const tabs = launched();
      holders++;
      let held = true;
      return {
        tabs,
        release() {
          if (!held) return;
          held = false;
          holders--;
          closeIfUnheld();
        },
      };
    },
    replaceIfUnwell(used) {
      if (used !== current) return Promise.resolve(); // already replaced (or closed)
      if (checking?.of !== used) checking = { of: used, done: replace() };
      return checking.done;
    },
    closeWhenReleased() {
      lastHolders = true;
      closeIfUnheld();
    },
    async close() {
      await closedEarly;
      await closeOwned();
    },
  };
}

async function isResponsive(browser: Promise<Browser>): Promise<boolean> {
  try {
    const launched = await browser;
    if (!launched.connected) return false;
    await withDeadline(launched.version(), responsiveMs, 'Chromium');
    return true;
  } catch {
    return false;
  }
}

/** Closes a browser that may still be launching, may have failed to launch, or may not answer any more. */
export async function closeBrowser(browser: Promise<Browser> | undefined): Promise<void> {
  const launched = await browser?.catch(() => undefined);
  if (!launched) return;
  await withDeadline(launched.close(), responsiveMs, 'closing Chromium').catch(() => killBrowser(launched));
}

async function killBrowser(browser: Browser | Promise<Browser>): Promise<void> {
  const launched = await Promise.resolve(browser).catch(() => undefined);
  const child = launched?.process();
  // A process that died of a signal has a signalCode and no exitCode; its 'exit' has been emitted already.
  if (child && child.exitCode === null && child.signalCode === null) {
    // SIGKILL reaches a stopped (frozen) process too; its renderers exit when their parent's pipe closes.
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
  }
  launched?.disconnect().catch(() => undefined);
}
