/** How passwords are hashed and checked; the adapter (scrypt) lives outside the commands. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** True when `password` matches `stored`; with `stored` null it spends the same time and answers false. */
  verify(password: string, stored: string | null): Promise<boolean>;
}

/** What setting a password needs: the hasher and the list of passwords refused as too common. */
export interface PasswordServices {
  hasher: PasswordHasher;
  common: ReadonlySet<string>;
}
