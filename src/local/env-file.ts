/**
 * The .env format this project reads and writes (the sandbox's merchant.env, the deploy .env):
 * `NAME="value"` lines, one value per line. Values are written and read literally (a PEM keeps
 * its `\n` escapes; the payment core unescapes them).
 */

/** Serialises variables as a .env file under a comment header. */
export function formatEnvFile(variables: Record<string, string>, header: string[]): string {
  const comments = header.map((line) => `# ${line}`);
  const lines = Object.entries(variables).map(([name, value]) => `${name}="${value}"`);
  return [...comments, ...lines, ''].join('\n');
}

/** Reads `NAME=value` and `NAME="value"` lines; comments and blank lines are skipped. */
export function parseEnvFile(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match || line.startsWith('#')) continue;
    const value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    // An unquoted value ends at a ` #` comment, as dotenv reads it.
    variables[match[1]] = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
  }
  return variables;
}
