import type { APIRoute } from 'astro';
import { atomFeed, CHANGES } from '../lib/changes.ts';

// Atom feed of content/changes.ts, newest first.
export const GET: APIRoute = ({ site }) =>
  new Response(atomFeed(CHANGES, site ?? 'http://127.0.0.1:4321'), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
