/** The shape of a catalogue with the same keys as `T`, any strings as values. */
export type Messages<T> = { readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

/** A nested catalogue of strings. */
export interface Catalogue {
  readonly [key: string]: string | Catalogue;
}
