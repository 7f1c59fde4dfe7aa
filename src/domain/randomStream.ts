/**
 * Seeded random streams for the random curve forms. Every stream is named by a string, so the
 * same name gives the same numbers on every machine and streams with other names are
 * independent (adding an app or a curve layer never shifts another stream).
 */
import seedrandom from 'seedrandom';

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

/** A stream seeded by `name` (seedrandom's default ARC4 generator). */
export function randomStream(name: string): RandomStream {
  return streamFrom(seedrandom(name));
}

/**
 * The stream of a generator of uniforms in [0, 1). Normal draws use the Box–Muller transform on
 * two uniforms, z = sqrt(-2 ln(1 - u1)) × cos(2π u2); each normal draw consumes exactly two
 * uniforms (the sine twin is discarded) so draw k always depends on the same uniforms.
 */
export function streamFrom(prng: () => number): RandomStream {
  const uniform = (): number => prng();
  const normal = (): number => {
    const u1 = 1 - prng(); // in (0, 1], so the logarithm is finite
    const u2 = prng();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  };
  return { uniform, normal };
}
