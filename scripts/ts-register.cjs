// Lets plain `node` (scripts, mocha) load the project's TypeScript files: each .ts file is
// transpiled on require with esbuild. Type checking is a separate step (`npm run typecheck`).
const fs = require('node:fs');
const esbuild = require('esbuild');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = esbuild.transformSync(source, {
    loader: 'ts',
    format: 'cjs',
    target: 'node18',
    sourcefile: filename,
    sourcemap: 'inline',
  });
  module._compile(code, filename);
};
