package io.kubeferry.installer.plan;

import java.util.List;

/**
 * What a step did. {@code changed}: whether it modified anything; {@code notes}: things worth telling the user,
 * notably actions that were not possible in this environment (e.g. loading a kernel module inside a container).
 */
public record StepOutcome(boolean changed, List<String> notes) {
  public StepOutcome {
    notes = List.copyOf(notes);
  }

  public static StepOutcome didChange(String... notes) {
    return new StepOutcome(true, List.of(notes));
  }

  public static StepOutcome noChange(String... notes) {
    return new StepOutcome(false, List.of(notes));
  }
}
