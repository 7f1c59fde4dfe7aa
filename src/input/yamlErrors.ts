/**
 * YAML syntax errors in plain words: what is wrong and what to write instead, then the parser's
 * own words for those who know them. eemeli/yaml names each error with a code; the message
 * tells the cases of one code apart.
 */
import type { YAMLError } from 'yaml';

interface Explanation {
  /** The parser's message this explanation is for; any message of the code when absent. */
  when?: RegExp;
  text: string;
}

const explanations: Partial<Record<YAMLError['code'], Explanation[]>> = {
  BAD_INDENT: [
    { when: /^Flow map/, text: 'a { … } is not closed: end it with } on the same line, or indent its next lines more than its key' },
    { when: /^Flow sequence/, text: 'a [ … ] is not closed: end it with ] on the same line, or indent its next lines more than its key' },
    { when: /same column/, text: 'the fields of one mapping must start at the same column: this line is indented differently from the ones before it' },
    { text: 'the indentation does not match the lines around it: indent with spaces, the same amount for items of one list or mapping' },
  ],
  MISSING_CHAR: [
    { when: /quote/, text: 'a text in quotes is not closed: add the closing quote (a quote inside the text is written \\" in "…" or \'\' in \'…\')' },
    { when: /without - indicator/, text: 'this line is indented like an item of a list but has no "- " before it: add "- ", or indent it like the field above' },
    { when: /must end with a \]/, text: 'a [ … ] is not closed: add the ]' },
    { when: /must end with a \}/, text: 'a { … } is not closed: add the }' },
    { when: /followed by map values/, text: 'a field name without a value: write "name: value"' },
  ],
  TAB_AS_INDENT: [{ text: 'a tab indents this line: YAML indents with spaces only' }],
  BLOCK_AS_IMPLICIT_KEY: [{ text: 'two "name: value" on one line: put the inner one on its own line, indented, or write it as { name: value }' }],
  MULTILINE_IMPLICIT_KEY: [{ text: 'a field name runs over two lines, or a text with ": " is not quoted: keep "name:" on one line and quote such texts' }],
  BAD_DQ_ESCAPE: [{ text: 'an unknown escape in a "…" text: write \\\\ for a backslash, or use \'…\' quotes' }],
  BAD_SCALAR_START: [{ text: 'a value cannot start with this character unquoted: put the value in quotes' }],
  BLOCK_IN_FLOW: [{ text: 'a list with "- " or an indented mapping inside { … } or [ … ]: inside brackets, write items separated by commas' }],
  UNEXPECTED_TOKEN: [{ text: 'something YAML does not expect here, often a bracket or a "- " left over from the line before' }],
};

/** `YAML syntax: <plain words> (the parser: <its message>)`. */
export function plainYamlError(error: Pick<YAMLError, 'code' | 'message'>): string {
  const own = error.message.split('\n')[0];
  const found = explanations[error.code]?.find((explanation) => explanation.when === undefined || explanation.when.test(own));
  return found ? `YAML syntax: ${found.text} (the parser: ${own})` : `YAML syntax: ${own}`;
}
