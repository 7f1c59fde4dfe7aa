/**
 * The Tyche-i generator of seedrandom (`seedrandom.tychei(name)`, after Neves and Araujo), number
 * for number: the name's characters mixed into the state, twenty more rounds, then 32 random bits
 * per double. Our own copy is one small object per generator, without seedrandom's closures.
 * Decisions open one per decision (population/random.ts), the customer's part of the name read
 * once (`copy`); test/domain/tychei.test.ts checks it against seedrandom.
 */
export class Tychei {
  private a = 0;
  private b = 0;
  private c = 2654435769 | 0;
  private d = 1367130551;

  /** The generator of `name`; without one, a generator that has read nothing yet (`read`, `settled`). */
  constructor(name?: string) {
    if (name !== undefined) this.read(name).settled();
  }

  /** Reads `text` on as the next characters of the name: a name read in parts mixes as the whole name. */
  read(text: string): this {
    for (let index = 0; index < text.length; index += 1) {
      this.b ^= text.charCodeAt(index);
      this.next();
    }
    return this;
  }

  /** Done with the name: the twenty rounds after its last character. */
  settled(): this {
    for (let round = 0; round < 20; round += 1) this.next();
    return this;
  }

  /** Another generator in this one's state: a name's common start read once, for each name that begins with it. */
  copy(): Tychei {
    const copy = new Tychei();
    copy.a = this.a;
    copy.b = this.b;
    copy.c = this.c;
    copy.d = this.d;
    return copy;
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
