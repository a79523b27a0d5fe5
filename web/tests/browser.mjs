// What the browser tests share: Debian's Chromium (never a downloaded browser), launched headless with nothing of
// its own going out, the hosts a page may reach, and the "ok - / not ok - " lines the Java tests read.
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const TIMEOUT = 60_000;

/** Chromium's path ($CHROMIUM, else Debian's); exits with 3 and says how to install it when it is missing. */
export function chromiumPath(label) {
  const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.error(`${label} FAILED: Chromium is missing at ${executablePath}. Install Debian's package: `
      + 'apt-get update && apt-get install -y chromium (bash .ci/run does it when it is missing).');
    process.exit(3);
  }
  return executablePath;
}

export function launchChromium(executablePath) {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** The checks of one run: each printed as a line; `failures` counts those that did not hold. */
export function checks() {
  const results = { failures: 0 };
  results.check = (condition, what) => {
    if (condition) {
      console.log(`ok - ${what}`);
    } else {
      results.failures++;
      console.log(`not ok - ${what}`);
    }
  };
  return results;
}
