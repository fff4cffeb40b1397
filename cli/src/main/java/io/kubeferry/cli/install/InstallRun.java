package io.kubeferry.cli.install;

import io.kubeferry.installer.InstallPhases;
import io.kubeferry.installer.InstallPlanner;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.plan.Plan;
import io.kubeferry.installer.plan.PlanRunner;
import io.kubeferry.installer.plan.RunReport;
import io.kubeferry.installer.preflight.PreflightChecks;
import io.kubeferry.installer.preflight.PreflightReport;
import io.kubeferry.installer.ssh.SshExecutor;
import io.kubeferry.installer.ssh.SshOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** The body shared by {@code install} and {@code preflight}: plan, print or run, report. */
final class InstallRun {
  static final int EXIT_INTEGRITY = 3;

  private InstallRun() {}

  static int execute(CommandSpec spec, TargetOptions t, Set<InstallPhases> phases, boolean dryRun, boolean verbose)
      throws Exception {
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
    if (!dryRun && t.key == null) {
      throw new ParameterException(spec.commandLine(), "--key is required: the OpenPGP public key you trust for"
          + " this bundle (the installer never trusts the key shipped inside it)");
    }
    AtomicReference<PreflightReport> preflight = new AtomicReference<>();
    Plan plan = InstallPlanner.plan(new InstallPlanner.Request(inv, phases, t.bundle,
        t.key == null ? Path.of("<key from --key>") : t.key, t.stateDir, t.ignorePreflight, preflight::set));
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
    try (SshExecutor executor = new SshExecutor(ssh)) {
      report = new PlanRunner(executor, new PlanRunner.Options(t.parallel, Optional.of(t.stateDir), console))
          .run(plan);
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
    boolean integrity = report.failures().stream().anyMatch(f -> f.step().equals("verify.bundle")
        && f.detail().startsWith("could not verify"));
    err.println("kubeferry: error: " + report.failures().get(0).host() + " " + report.failures().get(0).step()
        + ": " + report.failures().get(0).detail() + " (logs in " + t.logDir + "/; re-run to resume)");
    return integrity ? EXIT_INTEGRITY : 1;
  }

  private static String summary(RunReport r) {
    StringBuilder sb = new StringBuilder(r.ok() ? "install steps finished: " : "install stopped: ");
    r.counts().forEach((k, v) -> sb.append(v).append(' ').append(k.label()).append(", "));
    return sb.substring(0, sb.length() - 2);
  }
}
