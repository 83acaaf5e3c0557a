/**
 * The pure core: text in, plain data out. No file system, no process, no LSP types.
 * The CLI and the language server are thin shells over these exports.
 */
export * from './base/types';
export * from './base/text';
export * from './base/pointer';
export { parseFile, parseSteps, locate, pathAt, type ParsedFile, type ParsedDocument, type ParseOptions } from './yaml/parse';
export { rangeForPointer } from './yaml/place';
export { checkText, checkParsed, checkLimited, checkSteps, limitFindings, FindingCap, INTERNAL_RULE_ID, MAX_RELATED, type CheckOptions, type FindingLimit, type Omitted } from './rules/engine';
export * from './model/config';
export * from './model/dataset';
export { ALL_RULES, ruleById } from './rules';
export type { Rule, RuleMeta, RuleContext, Report } from './rules/rule';
export { schemaHover, editorHover, type HoverResult } from './editor/hover';
export { complete, type CompletionItem, type CompletionKind, type CompletionResult } from './editor/completion';
export { documentSymbols, referenceAt, sourceDefinition, sourceUses, idUses, registryEntry, type OutlineSymbol, type OutlineKind, type RefTarget } from './editor/symbols';
export { inlayHints, type InlayHint, type InlayOptions } from './editor/inlay';
export { actionsForFinding, computedFixes, suppressionFix, refactorsAt, fixAllSafe, diffEdits, shiftDecimal, type FindingActions } from './editor/actions';
export { newEventId, newEventPath, newEventText, NEW_EVENT_SNIPPET, type NewEventInput } from './editor/new-event';
export { newDatasetFiles, newDatasetNextSteps, newDatasetRegistries, EXAMPLE_EVENT_PATH, type DatasetFile, type NewDatasetOptions } from './editor/init';
export { modelineRemoval } from './editor/modeline';
export { countryName, countryNames, allCountries } from './read/countries';
export { ruleDocsUrl, DOCS_BASE_URL } from './rules/docs';
export { BUILTIN_SCHEMAS } from './schema/schemas';
export { validateValue } from './schema/validate';
export * from './model/event';
export { DatasetIndex, extractFacts, extractFactsSteps, normaliseUrl, type EventFacts, type DatasetIndexView, type Lookalikes, type QuantityFact } from './model/dataset-index';
export { duplicateWindowDays, filesRelatedTo } from './rules/related';
export * from './base/format';
export { applyEdits, applyFixes, fixesAt, fixText, type FixResult } from './rules/fixes';
export { applySuppressions, parseSuppressions, type Suppression } from './rules/suppress';
export { eventRow, idDate, type EventRow, type SeizureRow, type EventDate, type MapPoint, type FindingRef, type RowInput } from './report/rows';
export { keptOf, conflictsOf, type SlotSummary, type SlotStatus, type SideSummary, type FigureRef, type ConflictEntry } from './report/kept';
export { summarize, summarizer, type Summarizer, seizedText, type DatasetSummary, type SummaryContext, type Headline, type DrugTotals, type Shares, type TimelineRow, type YearOnlyRow, type CountryRow, type AgencyRow, type MapRow, type Disagreement, type TableRow } from './report/summary';
export { nominalOf, formatAmount, describeTotal, type Amount, type Total } from './report/amount';
export { COLUMNS, exportRows, exporter, toCsv, toJsonl, toGeoJson, type Column, type Cell, type Exporter, type ExportFormat } from './report/export';
export { pack, unpack, packTable, unpackTable, type PackedSummary, type PackedTable } from './report/pack';
export { extractArticle, sourceIdOf, type ArticleInput, type Draft, type Provenance, type ReviewItem } from './extract/extract';
export { renderDraft } from './extract/render';
export { addDraftToEvent, type IntoResult } from './extract/into';
