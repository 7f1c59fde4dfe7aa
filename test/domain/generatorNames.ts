/** Names to seed a generator with: empty, short, as a run names streams, non-ASCII, and longer than 256 characters (the key wraps). */
export const names = [
  '',
  'a',
  '42',
  '7/1400000001/dau/root',
  '7/1400000001/dau/root/noise.base',
  '3/smallGames/smallGames-12-1/renewal.onWarning/2.5',
  '1/小游戏/小游戏-1-1/purchase.chance/1',
  '🙂 emoji and \u0000 a null',
  'x'.repeat(300),
  Array.from({ length: 700 }, (_, index) => String.fromCharCode(32 + (index % 90))).join(''),
];
