#!/usr/bin/env node
// Thin launcher: the CLI is compiled with the rest of the project (`npm ci` runs `prepare` → build).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'src', 'cli', 'screener.js');
if (!existsSync(entry)) {
  console.error('screener: the project is not built yet. Run `npm ci` (or `npm run build`) first.');
  process.exit(2);
}
require(entry)
  .main(process.argv)
  .then((code) => process.exit(code ?? 0))
  .catch((err) => {
    console.error(`screener: ${err && err.message ? err.message : err}`);
    process.exit(1);
  });
