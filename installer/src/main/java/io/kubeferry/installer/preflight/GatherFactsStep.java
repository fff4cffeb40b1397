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
    ctx.state().put(stateKey(ctx.requireHost().name()), facts.withClockOffsetMillis(clockOffset(ctx,
        facts.clockOffsetMillis(), after - before)));
    return StepOutcome.noChange();
  }

  /**
   * The host clock's offset, measured as NTP does: the host's time against the midpoint of the round trip, so the
   * error is at most half the round trip. The facts command's round trip can be seconds (the first command opens the
   * SSH connection; the script reads /proc and ports), so when it was long the clock alone is read again, a few
   * times, and the reading with the shortest round trip wins.
   */
  private static long clockOffset(StepContext ctx, long offset, long roundTrip) throws StepException {
    long best = offset;
    long bestTrip = roundTrip;
    for (int i = 0; i < 3 && bestTrip > 200; i++) {
      long before = System.currentTimeMillis();
      CommandResult r = ctx.check(CLOCK);
      long after = System.currentTimeMillis();
      try {
        long remote = Long.parseLong(r.stdout().strip());
        if (after - before < bestTrip) {
          bestTrip = after - before;
          best = remote - (before + (after - before) / 2);
        }
      } catch (NumberFormatException e) {
        break; // a host whose date cannot print milliseconds: keep the facts' reading
      }
    }
    return best;
  }

  /** The host's clock in milliseconds, nothing else (GNU and busybox date print %3N). */
  private static final io.kubeferry.installer.ssh.RemoteCommand CLOCK =
      io.kubeferry.installer.ssh.RemoteCommand.user("date +%s%3N").withLabel("read the clock");
}
