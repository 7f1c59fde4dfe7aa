/**
 * What a static machine definition leaves to its environment (the clock, the balance): the
 * simulator provides it with `.provide()`; called without it, it says which factory to use.
 */
export function unprovided(factory: string): () => never {
  return () => {
    throw new Error(`this machine reads its environment (the clock, the balance): create its actors from ${factory}(env)`);
  };
}
