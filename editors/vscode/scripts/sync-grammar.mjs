// Copies the injection grammar from grammars/ (its one source) into the extension.
// `node --test test/` checks that the copy matches.
import { copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, '..', '..', '..', 'grammars', 'rung.injection.tmLanguage.json');
const target = join(here, '..', 'syntaxes', 'rung.injection.tmLanguage.json');
copyFileSync(source, target);
console.log(`copied ${source} -> ${target}`);
