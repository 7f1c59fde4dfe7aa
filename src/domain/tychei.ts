/**
 * The Tyche-i generator of seedrandom (`seedrandom.tychei(name)`, after Neves and Araujo), number
 * for number: the name's characters mixed into the state, twenty more rounds, then 32 random bits
 * per double. Our own copy is one small object per generator, without seedrandom's closures.
 * Decisions open one per decision (population/random.ts); test/domain/tychei.test.ts checks it
 * against seedrandom.
 */
export class Tychei {
  private a = 0;
  private b = 0;
  private c = 2654435769 | 0;
  private d = 1367130551;

  constructor(name: string) {
    for (let index = 0; index < name.length + 20; index += 1) {
      this.b ^= name.charCodeAt(index) | 0;
      this.next();
    }
  }

  /** The next 32 bits, as a signed integer. */
  private next(): number {
    let { a, b, c, d } = this;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    this.b = b = (b << 20) ^ (b >>> 12) ^ c;
    this.c = c = (c - d) | 0;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    this.a = (a - b) | 0;
    return this.a;
  }

  /** A double in [0, 1) from 32 bits, as seedrandom's generator returns it. */
  double(): number {
    return (this.next() >>> 0) / 0x100000000;
  }
}
