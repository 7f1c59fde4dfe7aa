/**
 * Texts that a run's records repeat (instants, days, months, amounts), written once and shared
 * by every record that shows them. A memo holds at most `limit` texts, then starts over.
 */
export function textMemo<K>(limit: number, write: (key: K) => string): (key: K) => string {
  const texts = new Map<K, string>();
  return (key) => {
    let text = texts.get(key);
    if (text === undefined) {
      text = write(key);
      if (texts.size >= limit) texts.clear();
      texts.set(key, text);
    }
    return text;
  };
}
