import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { serve } from '../../../scripts/serve.mjs';
import { chromiumPath } from './chromium-path.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

// Serves the built site on 127.0.0.1 at a random free port for the whole e2e run.
export default async function setup(project: TestProject) {
  if (!existsSync('dist/index.html') || !existsSync('dist/pagefind/pagefind.js')) {
    throw new Error('e2e: no built site in dist/ — run `npm run build` first (npm test does).');
  }
  chromiumPath(); // fail fast, with the install hint, before any test starts
  const server = (await serve({ root: 'dist', host: '127.0.0.1', port: 0 })) as { url: string; close(): Promise<void> };
  project.provide('baseURL', server.url);
  return () => server.close();
}
