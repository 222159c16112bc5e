/** The Meta web clients' checksum of fb_dtsg (Facebook and Instagram alike): "2" and the sum of its character codes. */
export function jazoest(fbDtsg: string): string {
  let sum = 0;
  for (let i = 0; i < fbDtsg.length; i++) sum += fbDtsg.charCodeAt(i);
  return `2${sum}`;
}
