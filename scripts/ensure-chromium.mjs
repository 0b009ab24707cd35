// Finds Chromium for the end-to-end tests: $CHROMIUM_PATH, else /usr/bin/chromium. Where it is
// missing, installs Debian's package when it can (root with apt-get); otherwise stops with the one
// command to run. Never downloads a browser build of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const fromEnv = process.env.CHROMIUM_PATH;
if (fromEnv) {
  if (existsSync(fromEnv)) process.exit(0);
  console.error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`);
  process.exit(1);
}
if (existsSync('/usr/bin/chromium')) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (isRoot && hasApt) {
  console.log('Chromium is missing: installing Debian’s chromium package (apt-get install -y chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (existsSync('/usr/bin/chromium')) process.exit(0);
}
console.error(
  'Chromium is missing. Install it with:\n\n  sudo apt-get install -y chromium\n\n(or set CHROMIUM_PATH to a Chromium binary), then run npm test again.',
);
process.exit(1);
