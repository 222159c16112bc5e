import type { IgLocation } from './model';

/**
 * Captions that exercise exporters: emoji (incl. ZWJ sequences and flags), right-to-left scripts,
 * newlines, hashtags, mentions, markup-like text and quotes. A null caption is added separately.
 */
export const CAPTIONS: readonly string[] = [
  'Golden hour never gets old 🌅✨ #sunset #goldenhour',
  'New studio, who dis? 🎙️\n\nThanks to everyone who helped us move 💛\n#behindthescenes',
  'مرحبا بالجميع! شكراً لكم على الدعم ❤️ #شكرا',
  'שבת שלום לכולם 🕯️ תודה שאתם כאן',
  'Mixed: hello / مرحبا / שלום — 👩🏽‍💻 at work 🇯🇵🇧🇷',
  'Carousel dump 📸 swipe →\n1. coffee ☕\n2. rain 🌧️\n3. vinyl 🎶',
  'Tag a friend who needs this 👇 @friend.one @friend_two',
  'Quotes "double" & \'single\' & <b>not html</b> </script> \\ backslash',
  'Line one\nLine two\n\n\nLine five after blank lines',
  'Reel time 🎬 #reels #fyp #explore',
  'Zero\u200bwidth and combining: e\u0301 n\u0303 — “curly” ‘quotes’ …',
  '🙏',
];

export const LOCATIONS: readonly IgLocation[] = [
  { pk: 213_131_048, name: 'Lisbon, Portugal', shortName: 'Lisbon', address: '', city: 'Lisbon', lat: 38.7223, lng: -9.1393, facebookPlacesId: 108_228_639_198_530 },
  { pk: 212_988_663, name: 'Tokyo, Japan', shortName: 'Tokyo', address: '', city: 'Tokyo', lat: 35.6762, lng: 139.6503, facebookPlacesId: 108_453_812_508_624 },
  { pk: 1_034_528_121, name: 'Café Central', shortName: 'Café Central', address: 'Herrengasse 14', city: 'Vienna', lat: 48.2104, lng: 16.3655, facebookPlacesId: 109_434_259_071_580 },
  { pk: 236_474_919, name: 'Jaffa Port', shortName: 'Jaffa Port', address: 'Retsif HaAliya HaShniya St', city: 'Tel Aviv', lat: 32.0543, lng: 34.7516, facebookPlacesId: 110_887_382_277_316 },
];

export const HIGHLIGHT_TITLES: readonly string[] = ['Travel ✈️', 'Behind the scenes', 'Q&A 💬', 'Studio 🎙️', 'مرحبا'];

export const ACCESSIBILITY = ['May be an image of 1 person and text', 'May be an image of sky and ocean', 'May be an image of coffee', null] as const;
