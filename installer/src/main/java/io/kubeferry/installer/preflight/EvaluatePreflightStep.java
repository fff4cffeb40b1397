package io.kubeferry.installer.preflight;

import io.kubeferry.installer.inventory.Host;
import io.kubeferry.installer.inventory.Inventory;
import io.kubeferry.installer.plan.AlwaysRunStep;
import io.kubeferry.installer.plan.StepContext;
import io.kubeferry.installer.plan.StepException;
import io.kubeferry.installer.plan.StepOutcome;
import io.kubeferry.installer.source.SourceRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates every host's facts at once (per-host and cross-host checks), hands the report to {@code sink} (the CLI
 * prints it as one table) and fails when an error is not ignored.
 */
public final class EvaluatePreflightStep implements AlwaysRunStep {
  private final Inventory inventory;
  private final SourceRef source;
  private final Set<String> ignored;
  private final Consumer<PreflightReport> sink;

  public EvaluatePreflightStep(Inventory inventory, SourceRef source, Set<String> ignored,
      Consumer<PreflightReport> sink) {
    this.inventory = inventory;
    this.source = source;
    this.ignored = Set.copyOf(ignored);
    this.sink = sink;
  }

  @Override
  public String id() {
    return "preflight.evaluate";
  }

  @Override
  public String describe() {
    return "check every host against the bundle and each other; errors stop the install"
        + (ignored.isEmpty() ? "" : " (ignoring " + String.join(",", ignored.stream().sorted().toList()) + ")");
  }

  @Override
  public StepOutcome run(StepContext ctx) throws StepException {
    Map<Host, HostFacts> facts = new LinkedHashMap<>();
    for (Host h : inventory.hosts()) {
      facts.put(h, ctx.state().get(GatherFactsStep.stateKey(h.name()), HostFacts.class)
          .orElseThrow(() -> new StepException("could not evaluate preflight: no facts from " + h.name())));
    }
    var src = source.get();
    List<Finding> all = new ArrayList<>();
    facts.forEach((h, f) -> all.addAll(PreflightChecks.forHost(h, f, src)));
    all.addAll(PreflightChecks.acrossHosts(facts));
    PreflightReport report = new PreflightReport(all, ignored);
    sink.accept(report);
    if (!report.passed()) {
      long hosts = report.blocking().stream().map(Finding::host).distinct().count();
      throw new StepException("preflight found " + report.blocking().size() + " error(s) on " + hosts
          + " host(s): fix them or list their checks in --ignore-preflight");
    }
    return StepOutcome.noChange(report.findings().isEmpty() ? "all checks passed"
        : report.findings().size() + " finding(s), none blocking");
  }
}
