package io.kubeferry.cli;

import io.kubeferry.core.IntegrityException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns any exception escaping a command into one clear line on stderr. A stack trace is shown only with
 * {@code KUBEFERRY_DEBUG=1}: users get the message, developers can still get the trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final int EXIT_FAILURE = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cli, ParseResult parsed) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    cli.getErr().println("kubeferry: error: " + message);
    if ("1".equals(System.getenv("KUBEFERRY_DEBUG"))) {
      e.printStackTrace(cli.getErr());
    }
    if (e instanceof IntegrityException) {
      return IntegrityException.EXIT_CODE;
    }
    if (e instanceof CommandLine.ParameterException) { // a usage problem found while running: still a usage error
      return UsageErrorHandler.EXIT_USAGE;
    }
    return cli.getExitCodeExceptionMapper() != null
        ? cli.getExitCodeExceptionMapper().getExitCode(e)
        : EXIT_FAILURE;
  }
}
