package io.gitopsruntime.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/** The baseline of the plan benchmark: a bare Jackson YAML read and write of a file, in its own JVM. */
public final class JacksonBaseline {
  private JacksonBaseline() {}

  /**
   * Reads the file given as the only argument into a tree and writes it back as YAML to standard output.
   *
   * @param args the values file
   * @throws Exception if the file cannot be read
   */
  public static void main(String[] args) throws Exception {
    YAMLMapper mapper = new YAMLMapper();
    JsonNode tree = mapper.readTree(Files.readString(Path.of(args[0])));
    System.out.print(mapper.writeValueAsString(tree));
  }
}
