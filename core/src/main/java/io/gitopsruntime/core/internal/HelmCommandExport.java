package io.gitopsruntime.core.internal;

import io.gitopsruntime.RuntimeInstallation;
import io.gitopsruntime.core.Exports;
import io.gitopsruntime.core.SecretHandling;
import io.gitopsruntime.core.Shell;
import io.gitopsruntime.core.ValuesPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code helm upgrade --install} export behind {@link Exports}. Thread-safe; no state. */
public final class HelmCommandExport {
  private HelmCommandExport() {}

  /**
   * The command as an argument list, as {@link Exports#helmCommandArguments} describes it.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the arguments, starting with {@code helm}
   */
  public static List<String> arguments(RuntimeInstallation installation, SecretHandling secrets) {
    List<String> args = new ArrayList<>(List.of("helm", "upgrade", "--install", installation.releaseName(),
        "--create-namespace", "--namespace", installation.namespace()));
    for (Map.Entry<ValuesPath, Object> leaf : ExportParts.orderedLeaves(installation, secrets)) {
      HelmSet.Flag flag = HelmSet.of(leaf.getKey(), leaf.getValue());
      args.add(flag.flag());
      args.add(flag.assignment());
    }
    args.add(installation.chart());
    installation.chartVersion().ifPresent(v -> {
      args.add("--version");
      args.add(v);
    });
    args.add("--wait");
    return args;
  }

  /**
   * The command quoted for a POSIX shell, one flag per line, as {@link Exports#helmCommand} describes it.
   *
   * @param installation the installation
   * @param secrets whether literal secrets are written or masked
   * @return the command, ending with a newline
   */
  public static String command(RuntimeInstallation installation, SecretHandling secrets) {
    List<String> args = arguments(installation, secrets);
    StringBuilder out = new StringBuilder();
    out.append(String.join(" ", args.subList(0, 3))).append(' ').append(Shell.quote(args.get(3)));
    int i = 4;
    while (i < args.size()) {
      String arg = args.get(i);
      out.append(" \\\n  ");
      boolean takesValue = arg.startsWith("--set") || arg.equals("--namespace") || arg.equals("--version");
      if (takesValue && i + 1 < args.size()) {
        out.append(arg).append(' ').append(Shell.quote(args.get(i + 1)));
        i += 2;
      } else {
        out.append(Shell.quote(arg));
        i++;
      }
    }
    return out.append('\n').toString();
  }
}
