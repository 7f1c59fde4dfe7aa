/**
 * Seeded random streams for the random curve forms. Every stream is named by a string, so the
 * same name gives the same numbers on every machine and streams with other names are
 * independent (adding an app or a curve layer never shifts another stream).
 */
import { Arc4 } from './arc4.ts';

export interface RandomStream {
  /** A uniform draw in [0, 1). */
  uniform(): number;
  /** A standard normal draw N(0, 1). */
  normal(): number;
}

/** The name of a stream: `${seed}/${appId}/${key}/${path}`. */
export function streamName(seed: number, appId: string, key: string, path: string): string {
  return `${seed}/${appId}/${key}/${path}`;
}

/** A generator of uniform doubles in [0, 1) (arc4.ts, tychei.ts). */
export interface UniformSource {
  double(): number;
}

/**
 * The stream of a generator. Normal draws use the Box–Muller transform on two uniforms,
 * z = sqrt(-2 ln(1 - u1)) × cos(2π u2); each normal draw consumes exactly two uniforms (the sine
 * twin is discarded) so draw k always depends on the same uniforms.
 */
export class Stream implements RandomStream {
  constructor(private readonly generator: UniformSource) {}

  uniform(): number {
    return this.generator.double();
  }

  normal(): number {
    const u1 = 1 - this.generator.double(); // in (0, 1], so the logarithm is finite
    const u2 = this.generator.double();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}

/** A stream seeded by `name` (seedrandom's ARC4 generator, arc4.ts). */
export function randomStream(name: string): RandomStream {
  return new Stream(new Arc4(name));
}
