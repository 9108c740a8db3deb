import { existsSync } from 'node:fs';

/** The system Chromium: $CHROME_PATH, else /usr/bin/chromium. Never downloads a browser. */
export function chromiumPath(): string {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `e2e: no Chromium at ${path}. Install it with \`sudo apt-get install -y chromium\` (Debian/Ubuntu) or set CHROME_PATH to a Chromium/Chrome binary.`,
    );
  }
  return path;
}

/** Flags for a quiet, offline, sandbox-free headless Chromium (CI runs as root with no network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
