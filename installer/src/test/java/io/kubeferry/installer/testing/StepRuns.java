package io.kubeferry.installer.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kubeferry.installer.host.FakeMachine;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import java.util.List;

/** Runs a step against a {@link FakeMachine} and checks the rule every step keeps: a second run changes nothing. */
public final class StepRuns {
  private StepRuns() {}

  /** Runs {@code step} twice; the second run must report no change and leave files and state as they were. */
  public static StepOutcome runTwice(Step step, StepContext ctx, FakeMachine m) throws StepException {
    StepOutcome first = step.run(ctx);
    String after = m.snapshot();
    m.clearCalls();
    StepOutcome second = step.run(ctx);
    assertFalse(second.changed(), step.id() + ": the second run reported a change: " + second.notes());
    assertEquals(after, m.snapshot(), step.id() + ": the second run changed the host");
    return first;
  }

  /** The names of the operations the machine saw, in order (script names, written paths, labels). */
  public static List<String> ops(FakeMachine m) {
    return m.calls().stream().map(c -> c.op() + " " + c.name()).toList();
  }
}
