/** The dataset configuration (`haulcheck.yaml`), resolved with its defaults. Pure: text in, data out. */
import picomatch from 'picomatch/posix';
import type { FileKind, SeverityLevel } from '../base/types';

export interface RuleSetting {
  severity: SeverityLevel;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  name?: string;
  /** Globs, relative to the dataset root, of event files. */
  events: string[];
  ignore: string[];
  registries: { drugs: string; agencies: string };
  /** Per rule id or family prefix (`schema`), as written in the config. */
  rules: Record<string, RuleSetting>;
  bands: Record<string, unknown>;
  today?: string;
}

export const CONFIG_FILE = 'haulcheck.yaml';

export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  events: ['events/**/*.yaml', 'events/**/*.yml'],
  ignore: [],
  registries: { drugs: 'registries/drugs.yaml', agencies: 'registries/agencies.yaml' },
  rules: {},
  bands: {},
}) as ResolvedConfig;

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

function ruleSetting(v: unknown): RuleSetting | undefined {
  if (typeof v === 'string' && SEVERITIES.has(v)) return { severity: v as SeverityLevel, options: {} };
  if (Array.isArray(v) && typeof v[0] === 'string' && SEVERITIES.has(v[0])) {
    const opts = v[1] && typeof v[1] === 'object' && !Array.isArray(v[1]) ? (v[1] as Record<string, unknown>) : {};
    return { severity: v[0] as SeverityLevel, options: opts };
  }
  return undefined;
}

function strings(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : undefined;
}

/**
 * Why a glob of haulcheck.yaml would reach outside the dataset folder — it is absolute (`/**`, or an
 * alternative of a brace that is: `{/etc,events}/**`) or it goes up (`../**`, `a/{..,b}/*`) — or
 * undefined when it stays inside. Such globs are not used: walking them would walk the file system.
 */
export function globLeavesRoot(glob: string): string | undefined {
  if (glob.startsWith('/') || /[{,]\//.test(glob)) return 'it is an absolute path';
  for (const segment of glob.split('/')) for (const piece of segment.split(/[{},]/)) if (piece === '..') return 'it goes up with ".."';
  return undefined;
}

/** The globs that stay inside the dataset (the others are reported by config/globs). */
function insideGlobs(v: unknown): string[] | undefined {
  return strings(v)?.filter((g) => globLeavesRoot(g) === undefined);
}

/**
 * Resolves a parsed config value (which may be invalid: the config schema reports that separately)
 * and optional overrides (editor settings), keeping whatever parts are usable.
 */
export function resolveConfig(raw: unknown, overrides?: Record<string, unknown>): ResolvedConfig {
  const c = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const regs = c.registries && typeof c.registries === 'object' ? (c.registries as Record<string, unknown>) : {};
  const rules: Record<string, RuleSetting> = {};
  for (const source of [c.rules, overrides]) {
    if (!source || typeof source !== 'object') continue;
    for (const [id, v] of Object.entries(source as Record<string, unknown>)) {
      const s = ruleSetting(v);
      if (s) rules[id] = s;
    }
  }
  return {
    name: typeof c.name === 'string' ? c.name : undefined,
    events: insideGlobs(c.events) ?? DEFAULT_CONFIG.events,
    ignore: insideGlobs(c.ignore) ?? [],
    registries: {
      drugs: typeof regs.drugs === 'string' ? regs.drugs : DEFAULT_CONFIG.registries.drugs,
      agencies: typeof regs.agencies === 'string' ? regs.agencies : DEFAULT_CONFIG.registries.agencies,
    },
    rules,
    bands: c.bands && typeof c.bands === 'object' ? (c.bands as Record<string, unknown>) : {},
    today: typeof c.today === 'string' ? c.today : undefined,
  };
}

/** The family of each rule id seen (`schema/enum` → `schema`), so that the same string is looked up every time. */
const families = new Map<string, string>();

function familyOf(ruleId: string): string {
  let family = families.get(ruleId);
  if (family === undefined) {
    const slash = ruleId.indexOf('/');
    family = slash < 0 ? ruleId : ruleId.slice(0, slash);
    if (families.size < 10_000) families.set(ruleId, family);
  }
  return family;
}

/** Setting for a reported id: the exact id first, then its family (`schema/enum` → `schema`). */
export function settingFor(config: ResolvedConfig, ruleId: string, familyId?: string): RuleSetting | undefined {
  const rules = config.rules;
  return rules[ruleId] ?? (familyId ? rules[familyId] : undefined) ?? rules[familyOf(ruleId)];
}

const matcherCache = new WeakMap<ResolvedConfig, { events: picomatch.Matcher; ignore: picomatch.Matcher }>();

function normalise(rel: string): string {
  return rel.replace(/\\/g, '/').replace(/^\.\//, '');
}

/** What a file is, from its path relative to the dataset root; undefined when not part of the dataset. */
export function classify(config: ResolvedConfig, relPath: string): FileKind | undefined {
  const rel = normalise(relPath);
  if (rel === CONFIG_FILE) return 'config';
  if (rel === normalise(config.registries.drugs)) return 'drugs';
  if (rel === normalise(config.registries.agencies)) return 'agencies';
  let m = matcherCache.get(config);
  if (!m) {
    m = { events: picomatch(config.events, { dot: false }), ignore: picomatch(config.ignore.length ? config.ignore : ['\0'], { dot: true }) };
    matcherCache.set(config, m);
  }
  if (m.ignore(rel)) return undefined;
  return m.events(rel) ? 'event' : undefined;
}

/** The `# yaml-language-server: $schema=…` modeline, if the text has one, mapped to a file kind. */
export function kindFromModeline(text: string): FileKind | undefined {
  const m = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text.slice(0, 2000));
  if (!m) return undefined;
  const name = m[1].split(/[\\/]/).pop() ?? '';
  const k = /^(event|drugs|agencies|config)\.schema\.json$/.exec(name);
  return k ? (k[1] as FileKind) : undefined;
}
