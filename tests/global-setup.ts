// The CLI tests run the compiled command, as a user would: compile it first so it is never stale.
import { execFileSync } from 'node:child_process';

export default function compile(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
