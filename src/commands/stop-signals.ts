// Ctrl-C and SIGTERM for the commands that run until done or stopped (build, serve, worker): what they say,
// and when a stopped build exits anyway. Part of the command line: it prints and may exit the process.

/** How long a stopped build may take to finish cleanly before it exits anyway (stopOnSignals). */
const stopWithinMs = 800;

/**
 * Ctrl-C or SIGTERM: say so and abort the returned signal. For a build: no new article starts, the browser
 * closes so pages under way end, and the build removes its temporary files; finished editions stay. A build
 * that has not finished within `stopWithinMs` (a long PDF still being finished) exits anyway (`deadline`):
 * what it finished is in the manifest already, its temporary files are removed on exit
 * (output/left-behind.ts) and Chromium, on a pipe, exits with it. For serve and a worker: what is in hand
 * finishes first. A second signal exits at once.
 */
export function stopOnSignals(
  saying = 'stopping; finished editions are kept and nothing half-written is left.',
  deadline = false,
) {
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGTERM' ? 143 : 130;
    if (controller.signal.aborted) process.exit(code);
    console.error(`${signal}: ${saying}`);
    controller.abort(signal);
    if (deadline) {
      setTimeout(() => {
        console.error(`${signal}: stopped; the articles finished before it are kept and listed in the manifest.`);
        process.exit(code);
      }, stopWithinMs).unref();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
