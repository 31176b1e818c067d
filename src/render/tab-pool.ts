// A few reused tabs of one browser. Opening a tab, setting it up and closing it cost more than rendering a
// short article, so each tab is set up once (no JavaScript, every request checked) and serves many pages.
// A tab that fails or runs out of time is closed and replaced; a long build recycles tabs now and then so a
// renderer's memory stays bounded.
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { withDeadline } from './deadline.js';
import type { LinkedStylesheets } from './reused-document.js';

/** A page's layout must not depend on which tab rendered it: every page states its viewport. */
const defaultViewport: Viewport = { width: 800, height: 600, deviceScaleFactor: 1 };
/** Pages a tab renders before it is replaced by a fresh one. */
const pagesPerTab = 200;

export interface Tab {
  page: Page;
  /** Decides, for the page being rendered now, whether a request may load; refused URLs are kept. */
  setGate(allows: (url: string) => boolean): void;
  refused(): readonly string[];
  /** What the tab is doing now, for the message when it runs out of time. */
  step: string;
  /** The stylesheets of the document the tab has loaded, which the next page may keep (see reused-document.ts). */
  loaded: LinkedStylesheets | undefined;
  /** Sets the viewport (default: Puppeteer's 800 × 600) when it differs from the one the tab has. */
  setViewport(viewport: Viewport | undefined): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
  deviceScaleFactor: number;
}

interface PooledTab extends Tab {
  uses: number;
}

export class TabPool {
  readonly #idle: PooledTab[] = [];
  readonly #waiting: Array<() => void> = [];
  #open = 0;
  #closed = false;
  /** The tab opened ahead of the first page (see warm), until it is ready. */
  #warming: Promise<void> | undefined;

  readonly #browser: Promise<Browser>;

  /**
   * `browser` may still be starting: a page's own work (its HTML, its hyphenation) and the other editions'
   * (the EPUB's cover) go on meanwhile, and only opening a tab waits for it. A launch that fails fails
   * every `use`, with the launch's error.
   */
  constructor(
    browser: Browser | Promise<Browser>,
    readonly size: number,
    readonly timeoutMs: number,
  ) {
    this.#browser = Promise.resolve(browser);
    this.#browser.catch(() => undefined); // reported by the first use
  }

  /** Runs `job` on a free tab, within `timeoutMs` in all; the tab is replaced if the job does not end well. */
  async use<T>(job: (tab: Tab) => Promise<T>, what: string): Promise<T> {
    const tab = await this.#acquire();
    let healthy = false;
    try {
      tab.step = 'starting';
      const result = await withDeadline(job(tab), this.timeoutMs, () => `${what} (while ${tab.step})`);
      healthy = true;
      return result;
    } finally {
      this.#release(tab, healthy);
    }
  }

  /**
   * Opens one tab ahead of need, as soon as the browser is up: opening the first tab takes a few round trips
   * to a browser still starting, which otherwise came after the first article was read, on the critical path
   * of a cold build (while the main thread was also busy loading the editions' code).
   */
  warm(): void {
    if (this.#open > 0 || this.#closed) return;
    // #acquire opens it (and gives the slot back if that fails); it waits idle for the first page.
    this.#warming = this.#acquire().then(
      (tab) => {
        if (this.#closed) void this.#discard(tab);
        else this.#idle.push(tab);
      },
      () => undefined,
    );
    void this.#warming.finally(() => {
      this.#warming = undefined;
      this.#wakeOne();
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((tab) => this.#discard(tab)));
  }

  async #acquire(): Promise<PooledTab> {
    for (;;) {
      if (this.#closed) throw new Error('browser has disconnected: the build is closing');
      const idle = this.#idle.pop();
      if (idle) return idle;
      if (this.#warming) {
        await this.#warming;
        continue;
      }
      if (this.#open < this.size) {
        this.#open++;
        try {
          const browser = await this.#browser; // bounded by the launch's own timeout
          return await withDeadline(openTab(browser), this.timeoutMs, 'opening a Chromium tab');
        } catch (error) {
          this.#open--;
          this.#wakeOne();
          throw error;
        }
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
  }

  #release(tab: PooledTab, healthy: boolean): void {
    tab.uses++;
    if (healthy && !this.#closed && tab.uses < pagesPerTab) this.#idle.push(tab);
    else void this.#discard(tab);
    this.#wakeOne();
  }

  async #discard(tab: PooledTab): Promise<void> {
    this.#open--;
    this.#wakeOne();
    // Bounded by the protocol timeout; a tab that will not close goes with its browser.
    await tab.page.close().catch(() => undefined);
  }

  #wakeOne(): void {
    this.#waiting.shift()?.();
  }
}

/**
 * A tab with no JavaScript whose every request is checked. Plain tabs in one window: nothing is captured
 * from the screen any more (the cover is drawn without the browser, the thumbnail from the PDF), so a tab
 * behind another, which headless Chromium draws no frames for, prints as well as one in front.
 */
async function openTab(browser: Browser): Promise<PooledTab> {
  const page = await browser.newPage();
  let gate: (url: string) => boolean = () => false;
  let refused: string[] = [];
  let viewport: Viewport | undefined;
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = request.url();
    if (gate(url)) {
      void request.continue().catch(() => undefined);
    } else {
      refused.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  return {
    page,
    uses: 0,
    step: 'idle',
    loaded: undefined,
    setGate(allows) {
      gate = allows;
      refused = [];
    },
    refused: () => refused,
    async setViewport(wanted = defaultViewport) {
      if (
        viewport &&
        viewport.width === wanted.width &&
        viewport.height === wanted.height &&
        viewport.deviceScaleFactor === wanted.deviceScaleFactor
      )
        return;
      await page.setViewport(wanted);
      viewport = wanted;
    },
  };
}
