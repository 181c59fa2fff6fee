import * as vscode from 'vscode';
import type { Translate } from './present';

/** The client's runtime text in the display language (l10n/bundle.l10n.*.json); the English text is the key. */
export const t: Translate = (message, ...args) => vscode.l10n.t(message, ...args);
