package io.kubeferry.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void versionNamesTheProjectVersion() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().matches("(?s)kubeferry \\d+\\.\\d+\\.\\d+.*"), out.toString());
  }

  @Test
  void shortVersionFlagToo() {
    assertEquals(0, run("-V"));
    assertTrue(out.toString().matches("(?s)kubeferry \\d+\\.\\d+\\.\\d+.*"), out.toString());
  }

  @Test
  void helpListsCompletion() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("Usage: kubeferry"), out.toString());
    assertTrue(out.toString().contains("generate-completion"), out.toString());
  }

  @Test
  void completionScriptIsBash() {
    assertEquals(0, run("generate-completion"));
    assertTrue(out.toString().contains("complete -F"), out.toString());
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertEquals(2, run("--no-such-flag"));
    assertTrue(err.toString().contains("Unknown option: '--no-such-flag'"), err.toString());
  }

  @Test
  void aUsageErrorIsOneLineWithAHelpHint() {
    assertEquals(2, run("install", "--bundle", "x.tgz", "--inventory", "hosts.yaml", "--topology", "single"));
    String e = err.toString().strip();
    assertEquals(1, e.lines().count(), e);
    assertTrue(e.startsWith("kubeferry: error: ") && e.endsWith("(see 'kubeferry install --help')"), e);
  }

  @Test
  void aSubcommandAloneBehavesAsInTheFullTree() {
    for (String[] args : new String[][] {{"rpm", "resolve", "--help"}, {"rpm", "resolve"}, {"rpm", "nope"},
        {"rpm", "resolve", "--no-such"}, {"rpm", "index", "--help"}, {"rpm", "--help"}, {"rpm"},
        {"bundle", "build", "--help"}, {"image", "--help"}, {"install", "--bundle", "x.tgz"}}) {
      StringWriter fullOut = new StringWriter();
      StringWriter fullErr = new StringWriter();
      picocli.CommandLine full = KubeferryCommand.commandLine();
      full.setOut(new PrintWriter(fullOut, true));
      full.setErr(new PrintWriter(fullErr, true));
      int code = full.execute(args);
      out.getBuffer().setLength(0);
      err.getBuffer().setLength(0);
      assertEquals(code, run(args), String.join(" ", args));
      assertEquals(fullOut.toString(), out.toString(), String.join(" ", args));
      assertEquals(fullErr.toString(), err.toString(), String.join(" ", args));
    }
  }

  @Test
  void everySubcommandIsFoundWithoutBuildingTheFullTree() {
    for (var top : KubeferryCommand.commandLine().getSubcommands().entrySet()) {
      if (top.getKey().equals("generate-completion")) {
        continue;
      }
      assertEquals(java.util.Set.of(top.getKey()),
          KubeferryCommand.commandLine(top.getKey()).getSubcommands().keySet(),
          "the class of '" + top.getKey() + "' should be named after the command (rpm -> RpmCommand)");
      for (String sub : top.getValue().getSubcommands().keySet()) {
        picocli.CommandLine lone = KubeferryCommand.commandLine(top.getKey(), sub).getSubcommands().get(top.getKey());
        assertEquals(java.util.Set.of(sub), lone.getSubcommands().keySet(), "the class of '" + top.getKey() + " "
            + sub + "' should be named after the command (rpm resolve -> RpmResolveCommand)");
      }
    }
  }
}
