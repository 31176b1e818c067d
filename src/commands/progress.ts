// The live progress line of a long build, on a terminal only: done / total, articles per second, time left
// and the article in hand, redrawn in place on stderr. Log lines printed meanwhile go above it. On a pipe
// or in CI nothing is drawn and the plain log lines are all there is.
import { basename } from 'node:path';

export interface Progress {
  started(file: string): void;
  finished(file: string): void;
  /** Prints a log line without tearing the progress line. */
  print(write: () => void): void;
  stop(): void;
}

const silent: Progress = {
  started: () => undefined,
  finished: () => undefined,
  print: (write) => write(),
  stop: () => undefined,
};

export function progressLine(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI || total < 2) return silent;
  const begun = Date.now();
  let done = 0;
  const inHand: string[] = [];
  let shown = false;
  const clear = () => {
    if (shown) stream.write('\r\x1b[2K');
    shown = false;
  };
  const draw = () => {
    clear();
    const seconds = (Date.now() - begun) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    const left = rate > 0 ? formatDuration((total - done) / rate) : '…';
    const current = inHand.length > 0 ? `  ${basename(inHand[inHand.length - 1]!)}` : '';
    const line = `[${done}/${total}] ${rate.toFixed(1)} articles/s, ${left} left${current}`;
    stream.write(line.slice(0, Math.max(20, (stream.columns ?? 80) - 1)));
    shown = true;
  };
  const timer = setInterval(draw, 1000);
  timer.unref();
  return {
    started(file) {
      inHand.push(file);
      draw();
    },
    finished(file) {
      done++;
      const at = inHand.indexOf(file);
      if (at >= 0) inHand.splice(at, 1);
      draw();
    },
    print(write) {
      clear();
      write();
      draw();
    },
    stop() {
      clearInterval(timer);
      clear();
    },
  };
}

function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
