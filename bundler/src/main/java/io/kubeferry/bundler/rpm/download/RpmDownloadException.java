package io.kubeferry.bundler.rpm.download;

import java.util.List;

/** One or more packages could not be downloaded or verified; {@link #problems()} has one line each. */
public class RpmDownloadException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public RpmDownloadException(String problem) {
    this(List.of(problem));
  }

  public RpmDownloadException(List<String> problems) {
    super(problems.size() == 1 ? problems.get(0)
        : "could not download " + problems.size() + " packages:\n  " + String.join("\n  ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
