import { json, redirect, type Reply } from '../server/reply';
import { fail, type ApiCall } from './api-context';

/**
 * The REST endpoints Instagram retired for logged-in sessions between August and October 2026,
 * while the session itself stays valid (docs/platforms.md, "Instagram: what changed in late 2026").
 * Each answers the same way whatever it is asked.
 */
export const RETIRED_IN_LATE_2026: readonly { method: 'GET' | 'POST'; path: RegExp; answer: (call: ApiCall) => Reply }[] = [
  // gallery-dl #9714, #9716, #9731 ("HTTP redirect to home page"), hoaianle/Instagram-Downloader #38.
  { method: 'GET', path: /^\/api\/v1\/feed\/user\/\d+\/$/, answer: () => redirect('https://www.instagram.com/') },
  { method: 'POST', path: /^\/api\/v1\/clips\/user\/$/, answer: () => redirect('https://www.instagram.com/') },
  { method: 'GET', path: /^\/api\/v1\/media\/[\d_]+\/info\/$/, answer: () => redirect('https://www.instagram.com/') },
  // gallery-dl #9765: '500 Internal Server Error' for stories and highlights alike.
  { method: 'GET', path: /^\/api\/v1\/feed\/reels_media\/$/, answer: (call) => fail(call, 500, '') },
  // misiektoja/instagram_monitor PR #135: logged-in lookups are refused as if for spam.
  { method: 'GET', path: /^\/api\/v1\/users\/web_profile_info\/$/, answer: () => json(400, { message: 'feedback_required', spam: true, status: 'fail' }) },
];
