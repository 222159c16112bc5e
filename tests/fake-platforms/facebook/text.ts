/**
 * Captions that exercise exporters: emoji (ZWJ sequences, flags), right-to-left scripts, CJK,
 * newlines, markup-like text and quotes. Null captions are chosen separately.
 */
export const FB_CAPTIONS: readonly string[] = [
  'Sunday market haul 🍅🥖 #weekend',
  'Throwback to the studio build 🎙️\n\nThanks everyone who helped 💛',
  'مرحبا من لشبونة! ☀️',
  'שבוע טוב לכולם 🌙',
  '東京の夜 🌃 また来ます',
  'Family 👨‍👩‍👧‍👦 + friends 🇧🇷🇯🇵 = best day',
  'Quotes "double" & \'single\' & <b>not html</b> </script> \\ backslash',
  'Line one\nLine two\n\n\nLine five after blank lines',
  'Zero\u200bwidth and combining: e\u0301 n\u0303 — “curly” ‘quotes’ …',
  '🙏',
];

export const FB_VIDEO_TITLES: readonly string[] = ['Studio tour', 'Behind the scenes 🎬', 'Q&A live replay', 'Road trip 🚐', 'Cooking with Star'];

export const FB_ALT_TEXT: readonly string[] = ['May be an image of 1 person and text', 'May be an image of sky and ocean', 'May be an image of food', 'No photo description available.'];

export const OTHER_PEOPLE: readonly { id: string; name: string }[] = [
  { id: '100004512398765', name: 'Ana Sousa' },
  { id: '100071234567001', name: 'Kenji Watanabe' },
];
