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
        {"image", "--help"}, {"install", "--bundle", "x.tgz"}}) {
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
    for (String name : KubeferryCommand.commandLine().getSubcommands().keySet()) {
      if (!name.equals("generate-completion")) {
        assertEquals(java.util.Set.of(name), KubeferryCommand.commandLine(name).getSubcommands().keySet(),
            "the class of '" + name + "' should be named like the command (" + name + " -> ...Command)");
      }
    }
  }
}
