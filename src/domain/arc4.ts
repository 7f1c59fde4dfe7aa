/**
 * The ARC4 generator of seedrandom (David Bau's `seedrandom(name)`), number for number: the key
 * mixed from the name, the key schedule, 256 bytes dropped, then doubles with 52 random bits each.
 * Our own copy keeps its state in 256 bytes instead of a list of numbers, and skips seedrandom's
 * mixing of every new generator into its global entropy pool, which no seeded draw reads. A run
 * opens one per random usage curve; test/domain/arc4.test.ts checks it against seedrandom.
 */
const WIDTH = 256;
const MASK = WIDTH - 1;
/** A double takes at least seven bytes … */
const LEAST_DENOMINATOR = 2 ** 56;
/** … and takes bytes until it has 52 significant bits, at most 53. */
const SIGNIFICANCE = 2 ** 52;
const OVERFLOW = 2 ** 53;

/** The key seedrandom mixes from a name: each character smeared into one of 256 bytes. */
function keyOf(name: string): number[] {
  const key: number[] = [];
  let smear = 0;
  for (let index = 0; index < name.length; index += 1) {
    smear ^= (key[MASK & index] ?? 0) * 19;
    key[MASK & index] = MASK & (smear + name.charCodeAt(index));
  }
  return key.length > 0 ? key : [0];
}

export class Arc4 {
  private readonly state = new Uint8Array(WIDTH);
  private i = 0;
  private j = 0;

  constructor(name: string) {
    const key = keyOf(name);
    const s = this.state;
    for (let index = 0; index < WIDTH; index += 1) s[index] = index;
    let j = 0;
    for (let index = 0; index < WIDTH; index += 1) {
      const held = s[index];
      j = MASK & (j + key[index % key.length] + held);
      s[index] = s[j];
      s[j] = held;
    }
    for (let dropped = 0; dropped < WIDTH; dropped += 1) this.byte();
  }

  /** The next output byte (a small integer, which V8 hands back without a box, as it cannot a double). */
  private byte(): number {
    const s = this.state;
    const i = MASK & (this.i + 1);
    const held = s[i];
    const j = MASK & (this.j + held);
    s[i] = s[j];
    s[j] = held;
    this.i = i;
    this.j = j;
    return s[MASK & (s[i] + held)];
  }

  /**
   * A double in [0, 1), as seedrandom's generator returns it: bytes taken until there are at least
   * seven and the ones before the last make 52 significant bits, then cut to at most 53. The
   * byte step is written out here on local copies of `i` and `j`: as calls of `byte`, V8 boxed
   * its numbers (5,000 curves over two years allocated 63 MB instead of 34, BENCHMARKS.md).
   */
  double(): number {
    const s = this.state;
    let i = this.i;
    let j = this.j;
    let numerator = 0;
    let denominator = 1;
    let extra = 0;
    do {
      numerator = (numerator + extra) * WIDTH;
      denominator *= WIDTH;
      i = MASK & (i + 1);
      const held = s[i];
      j = MASK & (j + held);
      s[i] = s[j];
      s[j] = held;
      extra = s[MASK & (s[i] + held)];
    } while (denominator < LEAST_DENOMINATOR || numerator < SIGNIFICANCE);
    this.i = i;
    this.j = j;
    while (numerator >= OVERFLOW) {
      numerator /= 2;
      denominator /= 2;
      extra >>>= 1;
    }
    return (numerator + extra) / denominator;
  }
}
