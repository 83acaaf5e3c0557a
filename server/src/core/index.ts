/**
 * The pure core: text in, plain data out. No file system, no process, no LSP types.
 * The CLI and the language server are thin shells over these exports.
 */
export * from './types';
export * from './text';
export * from './pointer';
export { parseFile, locate, pathAt, type ParsedFile, type ParsedDocument } from './parse';
export { rangeForPointer } from './place';
export { checkText, checkParsed, INTERNAL_RULE_ID, type CheckOptions } from './engine';
export * from './config';
export * from './dataset';
export { ALL_RULES, ruleById } from './rules';
export type { Rule, RuleMeta, RuleContext, Report } from './rule';
export { schemaHover, editorHover, type HoverResult } from './hover';
export { complete, type CompletionItem, type CompletionKind, type CompletionResult } from './completion';
export { documentSymbols, referenceAt, sourceDefinition, sourceUses, idUses, registryEntry, type OutlineSymbol, type OutlineKind, type RefTarget } from './symbols';
export { inlayHints, type InlayHint, type InlayOptions } from './inlay';
export { actionsForFinding, computedFixes, suppressionFix, refactorsAt, fixAllSafe, diffEdits, shiftDecimal, type FindingActions } from './actions';
export { newEventId, newEventPath, newEventText, NEW_EVENT_SNIPPET, type NewEventInput } from './snippets/new-event';
export { countryName, countryNames, allCountries } from './countries';
export { ruleDocsUrl, DOCS_BASE_URL } from './docs';
export { BUILTIN_SCHEMAS } from './schemas';
export { validateValue } from './validate';
export * from './model';
export { DatasetIndex, extractFacts, normaliseUrl, type EventFacts, type DatasetIndexView, type QuantityFact } from './dataset-index';
export * from './format';
export { applyEdits, applyFixes, fixesAt, fixText, type FixResult } from './fixes';
export { applySuppressions, parseSuppressions, type Suppression } from './suppress';
