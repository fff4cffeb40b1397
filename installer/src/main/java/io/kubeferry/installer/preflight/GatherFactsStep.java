package io.kubeferry.installer.preflight;

import io.kubeferry.installer.plan.AlwaysRunStep;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.CommandResult;

/**
 * Runs {@link FactsScript} on the host (read-only; as root, because product_uuid is root-only) and stores the facts
 * for the evaluation.
 */
public final class GatherFactsStep implements AlwaysRunStep {
  public static String stateKey(String host) {
    return "facts/" + host;
  }

  @Override
  public String id() {
    return "preflight.facts";
  }

  @Override
  public String describe() {
    return "gather OS, hardware, ports, identity and clock facts (read-only, one command)";
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    long before = System.currentTimeMillis();
    CommandResult r = ctx.check(FactsScript.command());
    long after = System.currentTimeMillis();
    HostFacts facts = FactsScript.parse(r.stdout(), before + (after - before) / 2);
    ctx.state().put(stateKey(ctx.requireHost().name()), facts);
    return StepOutcome.noChange();
  }
}
