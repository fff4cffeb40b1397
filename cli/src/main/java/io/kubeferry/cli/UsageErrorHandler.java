package io.kubeferry.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A usage error is one line naming the problem and where to read more, not the whole usage text: the user sees what
 * to fix without scrolling, and scripts get a one-line diagnostic. Exit code 2.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  static final int EXIT_USAGE = 2;

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cli = e.getCommandLine();
    String message = e.getMessage() == null ? "invalid arguments" : e.getMessage().strip();
    cli.getErr().println("kubeferry: error: " + message.replace("\n", " ")
        + " (see '" + cli.getCommandSpec().qualifiedName() + " --help')");
    CommandLine.UnmatchedArgumentException.printSuggestions(e, cli.getErr());
    return EXIT_USAGE;
  }
}
