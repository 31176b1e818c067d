// What `imprint build|check|verify --json` print: one JSON document each, for CI. The valibot schemas below are
// the documented shape (schema/*.schema.json are generated from them) and the tests validate output against them.
import { join, relative } from 'node:path';
import * as v from 'valibot';
import type { ArticleResult } from '../build/build-result.js';
import type { Diagnostic } from '../check/diagnostic.js';
import { editions } from '../edition.js';
import { formatLocation, type ImprintError } from '../errors.js';
import type { VerifyReport } from '../output/verify.js';
import { toolVersion } from '../paths.js';
import { countResults } from './report.js';

/** Exit codes every command shares; the JSON document carries the one the command exits with. */
export const exitCodes = { ok: 0, failed: 1, usage: 2, interrupted: 130, terminated: 143 } as const;

const diagnosticSchema = v.object({
  /** `path:line:col`, as editors and terminals link it. */
  at: v.string(),
  file: v.string(),
  line: v.number(),
  column: v.number(),
  rule: v.string(),
  severity: v.picklist(['error', 'warning']),
  message: v.string(),
});

const errorSchema = v.object({
  message: v.string(),
  /** `path:line:col` where known, else the file. */
  at: v.optional(v.string()),
  hint: v.optional(v.string()),
  rule: v.optional(v.string()),
});

const fileSchema = v.object({
  edition: v.picklist(editions),
  path: v.string(),
  bytes: v.number(),
  sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  pages: v.optional(v.number()),
  /** An image or thumbnail the web page shows, rather than an edition. */
  asset: v.optional(v.boolean()),
});

const header = {
  imprint: v.string(),
  ok: v.boolean(),
  exitCode: v.number(),
};

export const buildReportSchema = v.object({
  ...header,
  command: v.literal('build'),
  summary: v.object({ built: v.number(), unchanged: v.number(), failed: v.number(), interrupted: v.boolean() }),
  articles: v.array(
    v.object({
      file: v.string(),
      status: v.picklist(['built', 'unchanged', 'failed']),
      slug: v.optional(v.string()),
      files: v.array(fileSchema),
      diagnostics: v.array(diagnosticSchema),
      error: v.optional(errorSchema),
    }),
  ),
  notes: v.array(v.string()),
});

export const checkReportSchema = v.object({
  ...header,
  command: v.literal('check'),
  summary: v.object({ errors: v.number(), warnings: v.number() }),
  diagnostics: v.array(diagnosticSchema),
  notes: v.array(v.string()),
});

export const verifyReportSchema = v.object({
  ...header,
  command: v.literal('verify'),
  checked: v.number(),
  problems: v.array(v.object({ path: v.string(), problem: v.picklist(['missing', 'changed']), detail: v.string() })),
});

export type BuildReport = v.InferOutput<typeof buildReportSchema>;
export type CheckReport = v.InferOutput<typeof checkReportSchema>;
export type VerifyJson = v.InferOutput<typeof verifyReportSchema>;

export function buildJson(
  results: readonly ArticleResult[],
  notes: readonly string[],
  exitCode: number,
  interrupted: boolean,
): BuildReport {
  return {
    imprint: toolVersion,
    command: 'build',
    ok: exitCode === exitCodes.ok,
    exitCode,
    summary: { ...countResults(results), interrupted },
    articles: results.map((result) => ({
      file: result.file,
      status: result.ok ? result.status : 'failed',
      ...(result.ok && { slug: result.slug }),
      files: result.ok ? result.written.map((file) => ({ ...file, path: relative(process.cwd(), file.path) })) : [],
      diagnostics: result.warnings.map(diagnosticJson),
      ...(!result.ok && { error: errorJson(result.error) }),
    })),
    notes: [...notes],
  };
}

export function checkJson(diagnostics: readonly Diagnostic[], notes: readonly string[], exitCode: number): CheckReport {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    imprint: toolVersion,
    command: 'check',
    ok: exitCode === exitCodes.ok,
    exitCode,
    summary: { errors, warnings: diagnostics.length - errors },
    diagnostics: diagnostics.map(diagnosticJson),
    notes: [...notes],
  };
}

export function verifyJson(report: VerifyReport, outDir: string): VerifyJson {
  const exitCode = report.problems.length > 0 ? exitCodes.failed : exitCodes.ok;
  return {
    imprint: toolVersion,
    command: 'verify',
    ok: exitCode === exitCodes.ok,
    exitCode,
    checked: report.checked,
    problems: report.problems.map((problem) => ({ ...problem, path: join(outDir, problem.path) })),
  };
}

function diagnosticJson(d: Diagnostic) {
  return { at: formatLocation(d), ...d };
}

function errorJson(error: ImprintError) {
  return {
    message: error.message,
    ...(error.location && { at: formatLocation(error.location) }),
    ...(error.hint && { hint: error.hint }),
    ...(error.rule && { rule: error.rule }),
  };
}
