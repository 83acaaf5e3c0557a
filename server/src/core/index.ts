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
export { schemaHover, type HoverResult } from './hover';
export { ruleDocsUrl, DOCS_BASE_URL } from './docs';
export { BUILTIN_SCHEMAS } from './schemas';
export { validateValue } from './validate';
export * from './model';
export { DatasetIndex, extractFacts, normaliseUrl, type EventFacts, type DatasetIndexView, type QuantityFact } from './dataset-index';
export * from './format';
export { applyEdits, applyFixes, fixesAt, fixText, type FixResult } from './fixes';
export { applySuppressions, parseSuppressions, type Suppression } from './suppress';
