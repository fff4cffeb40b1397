package io.kubeferry.cli.install;

import io.kubeferry.installer.InstallPhases;
import io.kubeferry.installer.InstallPlanner;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.host.Machines;
import io.kubeferry.installer.plan.InstallState;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.PlanRunner;
import io.kubeferry.installer.plan.RunReport;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepResult;
import io.kubeferry.installer.preflight.PreflightChecks;
import io.kubeferry.installer.preflight.PreflightReport;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** The body shared by {@code install} and {@code preflight}: plan, print or run, report. */
final class InstallRun {
  static final int EXIT_INTEGRITY = 3;
  static final int EXIT_USAGE = 2;
  static final int EXIT_CANCELLED = 130;

  private InstallRun() {}

  /** {@code note}: a line to print once the arguments are known to be good (null for none). */
  static int execute(CommandSpec spec, TargetOptions t, Set<InstallPhases> phases, boolean dryRun, boolean verbose,
      String note) throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (String check : t.ignorePreflight) {
      if (!check.equals("all") && !PreflightChecks.IDS.contains(check)) {
        throw new ParameterException(spec.commandLine(), "unknown preflight check '" + check + "' in"
            + " --ignore-preflight (known: all, " + String.join(", ", PreflightChecks.IDS.stream().sorted().toList())
            + ")");
      }
    }
    if (t.parallel < 1) {
      throw new ParameterException(spec.commandLine(), "--parallel must be at least 1");
    }
    Inventory inv = t.loadInventory();
    Path key = t.trustedKey();
    if (note != null) {
      err.println(note);
    }
    AtomicReference<PreflightReport> preflight = new AtomicReference<>();
    Plan plan = InstallPlanner.plan(new InstallPlanner.Request(inv, phases, t.bundle, key, t.stateDir,
        t.ignorePreflight, preflight::set));
    if (dryRun) {
      out.print(plan.render());
      out.println("dry run: nothing was changed on any host");
      out.flush();
      return 0;
    }
    ConsoleListener console = new ConsoleListener(err, verbose);
    SshOptions ssh = SshOptions.defaults(t.knownHosts).withAcceptNewHostKeys(t.acceptNewHostKeys)
        .withLogDir(t.logDir).withListener(console);
    RunReport report;
    try (SshExecutor executor = new SshExecutor(ssh); Machines machines = new Machines(executor)) {
      PlanRunner runner = new PlanRunner(machines::get, new PlanRunner.Options(t.parallel,
          new InstallState(t.stateDir, ssh.redactor()), console));
      report = Interrupts.cancelOnCtrlC(runner, err, () -> runner.run(plan));
    }
    if (preflight.get() != null) {
      out.print(preflight.get().table());
    }
    out.print(report.table());
    out.println(summary(report));
    out.flush();
    if (report.ok()) {
      return 0;
    }
    StepResult first = report.failures().isEmpty() ? null : report.failures().get(0);
    if (report.cancelled()) {
      err.println("kubeferry: cancelled: nothing more was started; re-run the same command to resume");
    } else if (first != null) {
      err.println("kubeferry: error: " + first.host() + " " + first.step() + ": " + first.detail() + " (logs in "
          + t.logDir + "/; re-run to resume)");
    }
    return exitCode(report.failureKind().orElse(StepException.Kind.HOST));
  }

  /** The documented exit codes: 3 integrity, 2 usage, 130 cancelled (as a shell reports Ctrl-C), 1 otherwise. */
  static int exitCode(StepException.Kind kind) {
    return switch (kind) {
      case INTEGRITY -> EXIT_INTEGRITY;
      case USAGE -> EXIT_USAGE;
      case CANCELLED -> EXIT_CANCELLED;
      case HOST, TIMEOUT, INTERNAL -> 1;
    };
  }

  private static String summary(RunReport r) {
    StringBuilder sb = new StringBuilder(r.ok() ? "install steps finished: " : "install stopped: ");
    r.counts().forEach((k, v) -> sb.append(v).append(' ').append(k.label()).append(", "));
    return sb.substring(0, sb.length() - 2);
  }
}
