// The build's browser (render/browser.ts): a browser it owns closes as soon as the last publication is done
// with it, while the last PDFs are finished and the EPUBs packed; one asked for after that is a fresh launch;
// a browser the caller keeps is never closed by the build.
import type { ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserHandle, launchBrowser } from '../../src/render/browser.js';
import { marked, withMarker } from '../helpers/processes.js';

/** Whether the process exits within `ms`. */
function exitsWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

describe("the build's browser", () => {
  it('closes when the last holder releases it, and a later hold launches another', async () => {
    const launched = launchBrowser();
    const handle = browserHandle({ launched, tabs: 1, timeoutMs: 30_000 });
    const first = handle.hold();
    const second = handle.hold();
    await first.tabs.use(async (tab) => expect(await tab.page.evaluate(() => 1 + 1)).toBe(2), 'a page');
    handle.closeWhenReleased();
    first.release();
    const chromium = (await launched).process()!;
    expect(await exitsWithin(chromium, 1_000)).toBe(false); // the second holds it still
    second.release();
    second.release(); // a second release of the same hold does nothing
    expect(await exitsWithin(chromium, 10_000)).toBe(true);

    // Chromium inherits the marker: the fresh launch is found by it, and must be gone without close().
    await withMarker(async (marker) => {
      const retry = handle.hold();
      expect(retry.tabs).not.toBe(first.tabs);
      await retry.tabs.use(async (tab) => expect(await tab.page.evaluate(() => 'again')).toBe('again'), 'a page');
      retry.release();
      expect(await marked(marker, 10_000)).toEqual([]);
    });
    await handle.close();
  });

  it('never closes a browser its caller keeps, before or at close()', async () => {
    const given = launchBrowser();
    const handle = browserHandle({ given, tabs: 1, timeoutMs: 30_000 });
    const held = handle.hold();
    handle.closeWhenReleased();
    held.release();
    await handle.close();
    const browser = await given;
    expect(browser.connected).toBe(true);
    await browser.close();
  });
});
