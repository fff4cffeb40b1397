package io.kubeferry.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point. The only place in kubeferry that calls {@link System#exit}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }

  /** Runs the CLI with the given streams and returns the exit code; used by tests. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = KubeferryCommand.commandLine(args);
    cli.setOut(out);
    cli.setErr(err);
    return cli.execute(args);
  }
}
