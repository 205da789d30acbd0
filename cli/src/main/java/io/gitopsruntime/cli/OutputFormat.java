package io.gitopsruntime.cli;

/** How a command prints its result. */
enum OutputFormat {
  text,
  json;

  static OutputFormat parse(String value) {
    switch (value) {
      case "text":
        return text;
      case "json":
        return json;
      default:
        throw new UsageException("--output must be text or json, not \"" + value + "\".");
    }
  }
}
