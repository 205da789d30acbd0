package io.gitopsruntime.core;

/** What writers and exports do with literal secrets. */
public enum SecretHandling {
  /** Write {@code ****} in place of every literal secret (the default everywhere). */
  MASK,
  /** Write the literal; for files only the owner can read, or when a user asked for it explicitly. */
  REVEAL
}
