// One conformance case: [template, expected output or {error}, render context?].
export type ConformanceCase = [string, string | { error: string | null }, Record<string, unknown>?];
