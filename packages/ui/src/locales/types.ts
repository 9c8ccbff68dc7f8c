/** A nested catalogue of strings. */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}

/**
 * The deep merge of two catalogue types, keeping every key precise (the key of i18next's types:
 * `t("a.b")` is checked against it). A key in both must be a branch in both (see `mergeCatalogues`).
 */
export type Merged<A, B> = {
  [K in keyof A | keyof B]: K extends keyof A
    ? K extends keyof B
      ? Merged<A[K], B[K]>
      : A[K]
    : K extends keyof B
      ? B[K]
      : never;
};

/** The deep merge of a list of catalogue types, left to right. */
export type MergedAll<T extends readonly unknown[]> = T extends readonly [infer First, ...infer Rest]
  ? Rest extends readonly []
    ? First
    : Merged<First, MergedAll<Rest>>
  : never;

/** Every leaf key of a catalogue type, dot-separated: `KeyOf<{ a: { b: string } }>` is `"a.b"`. */
export type KeyOf<C> = {
  [K in keyof C & string]: C[K] extends string ? K : `${K}.${KeyOf<C[K]>}`;
}[keyof C & string];
