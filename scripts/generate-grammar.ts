// Writes syntaxes/unres.tmLanguage.json from the language table. Run: npm run grammar
import { writeFileSync } from 'node:fs';
import { chinese } from '../server/src/core/lang/zh';
import { grammarText } from './grammar/build';

writeFileSync('syntaxes/unres.tmLanguage.json', grammarText(chinese));
console.log('wrote syntaxes/unres.tmLanguage.json');
