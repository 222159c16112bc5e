/** What every sanitized path component must satisfy on Windows, macOS and Linux. */
export function unsafeReasons(name: string, maxBytes = 100): string[] {
  const reasons: string[] = [];
  if (name === '' || name === '.' || name === '..') reasons.push('empty or dot name');
  if (/[/\\<>:"|?*]/.test(name)) reasons.push('separator or reserved character');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) reasons.push('control character');
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(name)) reasons.push('bidi control');
  if (name.includes('..')) reasons.push('dot-dot');
  if (name.startsWith('.')) reasons.push('leading dot');
  if (/[. ]$/.test(name)) reasons.push('trailing dot or space');
  if (/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\s*\..*)?$/i.test(name)) reasons.push('Windows device name');
  if (new TextEncoder().encode(name).length > maxBytes) reasons.push('too long');
  if (!name.isWellFormed()) reasons.push('lone surrogate');
  if (name !== name.normalize('NFC')) reasons.push('not NFC');
  return reasons;
}
