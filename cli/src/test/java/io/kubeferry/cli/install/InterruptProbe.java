package io.kubeferry.cli.install;

import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.Phase;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.PlanRunner;
import io.kubeferry.installer.plan.RunListener;
import io.kubeferry.installer.plan.RunReport;
import io.kubeferry.installer.plan.Step;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.ssh.Redactor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * A process for {@link InterruptsTest}: runs a one-step plan under {@link Interrupts} as the CLI does, prints
 * "ready" once the step runs, and exits with the CLI's code for the report. {@code args[0]}: the state directory;
 * {@code args[1]}: {@code stubborn} for a step that ignores interrupts.
 */
public final class InterruptProbe {
  private InterruptProbe() {}

  public static void main(String[] args) throws Exception {
    boolean stubborn = args.length > 1 && args[1].equals("stubborn");
    PrintWriter err = new PrintWriter(System.err, true);
    Step wait = new Step() {
      @Override
      public String id() {
        return "probe.wait";
      }

      @Override
      public String describe() {
        return "wait";
      }

      @Override
      public String inputHash() {
        return "1";
      }

      @Override
      public StepOutcome run(StepContext ctx) throws StepException {
        System.out.println("ready");
        System.out.flush();
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
          try {
            Thread.sleep(100);
          } catch (InterruptedException e) {
            if (!stubborn) {
              throw new StepException(StepException.Kind.CANCELLED, "could not wait: cancelled");
            }
          }
        }
        return StepOutcome.noChange();
      }
    };
    PlanRunner runner = new PlanRunner(h -> null, new PlanRunner.Options(1, new InstallState(Path.of(args[0]),
        new Redactor()), RunListener.NONE));
    RunReport report = Interrupts.cancelOnCtrlC(runner, err,
        () -> runner.run(new Plan(List.of(Phase.local("probe", List.of(wait))))));
    System.out.println("report: " + report.results().get(0).status().label());
    System.exit(InstallRun.exitCode(report.failureKind().orElse(StepException.Kind.HOST)));
  }
}
