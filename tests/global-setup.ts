// The CLI tests run the compiled, bundled command, as a user would: compile it first so it is never stale.
import { execFileSync } from 'node:child_process';

export default function compile(): void {
  execFileSync('npm', ['run', '--silent', 'compile'], { stdio: 'inherit' });
}
