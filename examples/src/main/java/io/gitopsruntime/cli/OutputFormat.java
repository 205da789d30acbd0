package io.gitopsruntime.cli;

/** How a command prints its result. */
enum OutputFormat {
  text,
  json
}
