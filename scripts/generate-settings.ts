// Writes the settings part of package.json and its English texts in package.nls.json from the
// server's tables (scripts/settings/contribution.ts). Run: npm run settings
import { readFileSync, writeFileSync } from 'node:fs';
import { settingsContribution } from './settings/contribution';

const { configuration, nls } = settingsContribution();
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
manifest.contributes.configuration = configuration;
writeFileSync('package.json', JSON.stringify(manifest, null, 2) + '\n');

let texts: Record<string, string> = {};
try {
  texts = JSON.parse(readFileSync('package.nls.json', 'utf8'));
} catch {
  // First run: no texts yet.
}
// Settings texts are replaced whole; the others (commands …) are kept.
for (const key of Object.keys(texts)) if (key.startsWith('config.')) delete texts[key];
Object.assign(texts, nls);
const sorted = Object.fromEntries(Object.entries(texts).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync('package.nls.json', JSON.stringify(sorted, null, 2) + '\n');
console.log(`wrote package.json (contributes.configuration, ${Object.keys(configuration.properties as object).length} settings) and package.nls.json`);
