/** The command ids, as package.json contributes them (kept apart from commands.ts so tests can read them without VS Code). */
export const Commands = {
  renumberParagraphs: 'resolutionDrafter.renumberParagraphs',
  renumberFootnotes: 'resolutionDrafter.renumberFootnotes',
  insertFootnote: 'resolutionDrafter.insertFootnote',
  findSimilar: 'resolutionDrafter.findSimilar',
  showCorpusStats: 'resolutionDrafter.showCorpusStats',
  newResolution: 'resolutionDrafter.newResolution',
  addCorpusFolder: 'resolutionDrafter.addCorpusFolder',
  restartServer: 'resolutionDrafter.restartServer',
  setCorpusServerLogin: 'resolutionDrafter.setCorpusServerLogin',
  nextPlaceholder: 'resolutionDrafter.nextPlaceholder',
  highlightNewLanguage: 'resolutionDrafter.highlightNewLanguage',
  compareWithPrevious: 'resolutionDrafter.compareWithPrevious',
  compareWith: 'resolutionDrafter.compareWith',
  openPreviewToSide: 'resolutionDrafter.openPreviewToSide',
  exportToWord: 'resolutionDrafter.exportToWord',
  openWordDraft: 'resolutionDrafter.openWordDraft',
} as const;
