/** Titles and descriptions of the demo channel: unicode of every kind, and names a file system would refuse. */

export const TITLES = [
  'Morning routine in Lisbon ☀️',
  'How I export everything 📦 (full workflow)',
  '東京の夜散歩 — Tokyo night walk',
  'مرحبا بالعالم: first vlog in Arabic',
  'שלום! Hebrew lesson #1',
  'Ünïcödé Çafé — crème brûlée at 3 a.m.',
  'Q&A: "What camera?" / gear <2026>',
  'a/b testing: thumbnails vs. titles?',
  'Ελληνικά για αρχάριους',
  'Привет, мир! Day 12',
  'Zero‑width joiner test 👩‍👩‍👧‍👦 family',
  'Tabs\tand\nnewlines in a title',
  'CON PRN AUX — reserved names',
  'Very long title '.repeat(6).trim(),
  '🎬🎥📹 behind the scenes',
  'Combining marks: é vs é',
];

export const SHORT_TITLES = ['Wait for it… 😂 #shorts', '15 seconds of Lisbon', 'POV: you export your channel', 'クイックヒント #shorts', 'One-take challenge 🎯'];

export const LIVE_TITLES = ['🔴 Live Q&A — ask me anything', 'Late-night edit stream', 'Launch day live 🚀'];

export const DESCRIPTIONS = [
  '',
  'Everything I used is linked below.\n\n00:00 Intro\n01:30 Setup\n05:10 Result',
  'Filmed on a Tuesday. 🌧️\nMusic: none.',
  'Part of the series — see the playlist.\nhttps://www.youtube.com/@star.demo',
  'Une description en français, avec des accents : é, è, à, ç.',
];
