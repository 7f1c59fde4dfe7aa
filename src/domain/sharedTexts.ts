/**
 * Texts that a run's records repeat (instants, days, months, amounts) written once and shared:
 * every record that shows the same text holds the same string. A 10,000-app run writes a
 * million records over a few tens of thousands of distinct instants and amounts; a string each
 * would be a fifth of its memory. A memo holds at most `limit` texts and starts over when full,
 * so that a long run's memory stays bounded (texts written after that are equal, not shared).
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
